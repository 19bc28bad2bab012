package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.files.SmallTmpfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * configure on a file system that is really full (a 2 MiB tmpfs filled to the last page): a
 * failed first run must leave no empty master key behind for the next run to accept, and the
 * message must name the full disk, not the permissions. Needs root to mount (see {@link SmallTmpfs}).
 */
class FullDiskConfigureTest {

    @TempDir
    Path sandbox;

    @Test
    void masterKeyOnAFullDisk_failsOnOneLineNamingIt_leavesNoKeyFile_andTheRerunCreatesAWholeOne() throws Exception {
        CliSandbox cli = new CliSandbox(sandbox);
        try (SmallTmpfs disk = SmallTmpfs.mount(sandbox.resolve("data"), "2m")) {
            cli.env.put("XDG_DATA_HOME", disk.root().toString());
            Path keyFile = disk.root().resolve("messer/master-keys/default.key");
            disk.fill();

            CliRun full = cli.run("configure", "local", "-e", "dev");

            assertThat(full.exit()).as(full.toString()).isEqualTo(1);
            assertThat(full.errLines()).last().asString().isEqualTo("messer: cannot create master key file " + keyFile
                    + " (No space left on device); the file system of " + keyFile.getParent() + " is full: free space "
                    + "there (see 'df -h " + keyFile.getParent() + "') and run the command again");
            assertThat(keyFile).doesNotExist();
            assertThat(names(keyFile.getParent())).isEmpty();

            disk.free();
            CliRun again = cli.ok("configure", "local", "-e", "dev");
            assertThat(again.err()).contains("Created local master key " + keyFile);
            cli.ok("encryption", "create", "local", "app");
            assertThat(cli.ok("encryption", "list", "local", "app").outLines()).containsExactly("0");
        }
    }

    @Test
    void configFileOnAFullDisk_failsNamingTheFullDisk_andKeepsTheOldFile() throws Exception {
        CliSandbox cli = new CliSandbox(sandbox);
        try (SmallTmpfs disk = SmallTmpfs.mount(sandbox.resolve("config"), "2m")) {
            cli.env.put("XDG_CONFIG_HOME", disk.root().toString());
            Path config = disk.root().resolve("messer/messer.ini");
            cli.ok("configure", "local", "-e", "dev");
            String before = Files.readString(config);
            disk.fill();

            CliRun full = cli.run("configure", "local", "-e", "prod");

            assertThat(full.exit()).as(full.toString()).isEqualTo(2);
            assertThat(full.errLines()).containsExactly("messer: cannot write config file " + config
                    + " (No space left on device); the file system of " + config.getParent() + " is full: free space "
                    + "there (see 'df -h " + config.getParent() + "') and run the command again");
            assertThat(full.err()).doesNotContain("permissions");
            assertThat(Files.readString(config)).isEqualTo(before);
            assertThat(names(config.getParent())).containsExactlyInAnyOrder("messer.ini", ".messer.ini.lock");
        }
    }

    @Test
    void firstConfigFileOnAFullDisk_isNotCreatedEmpty() throws Exception {
        CliSandbox cli = new CliSandbox(sandbox);
        try (SmallTmpfs disk = SmallTmpfs.mount(sandbox.resolve("config"), "2m")) {
            cli.env.put("XDG_CONFIG_HOME", disk.root().toString());
            Path config = disk.root().resolve("messer/messer.ini");
            disk.fill();

            CliRun full = cli.run("configure", "local", "-e", "dev");

            assertThat(full.exit()).as(full.toString()).isEqualTo(2);
            assertThat(full.errLines()).singleElement().asString().startsWith("messer: cannot create config file "
                    + config + " (No space left on device); the file system of " + config.getParent() + " is full");
            assertThat(config).doesNotExist();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
