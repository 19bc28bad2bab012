package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.cli.CliRun;
import dev.messer.cli.CliSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every file the tool writes is 0600 in a 0700 folder; a master key others can use is refused, as ssh does. */
class FilePermissionsTest {

    @TempDir
    Path temp;

    private CliSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(temp);
        sandbox.ok("configure", "local");
        sandbox.ok("configure", "local", "-e", "dev");
        sandbox.ok("encryption", "create", "local", "app");
        sandbox.ok("data", "bag", "create", "local", "bag");
        Path item = sandbox.writeFile("db.json", "{\"id\":\"db\",\"pw\":\"x\"}");
        sandbox.ok("data", "bag", "from", "file", "local", "bag", item.toString(), "--secret-file", "app");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void configFileAndItsFolder_areOwnerOnly() throws IOException {
        assertThat(mode(sandbox.configFile())).isEqualTo("rw-------");
        assertThat(mode(sandbox.configFile().getParent())).isEqualTo("rwx------");
    }

    @Test
    void masterKeyFileAndItsFolder_areOwnerOnly() throws IOException {
        assertThat(mode(sandbox.masterKeyFile("default"))).isEqualTo("rw-------");
        assertThat(mode(sandbox.masterKeyFile("default").getParent())).isEqualTo("rwx------");
        assertThat(mode(sandbox.localRoot())).isEqualTo("rwx------");
    }

    @Test
    void everyFileAndFolderUnderLocalRoot_isOwnerOnly() throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(sandbox.localRoot())) {
            all = walk.toList();
        }
        assertThat(all).contains(sandbox.storedItem("bag", "db"), sandbox.keysBucket().resolve("app").resolve("0"));
        for (Path path : all) {
            assertThat(mode(path)).as(path.toString()).isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
        }
    }

    @ParameterizedTest(name = "mode {0}")
    @ValueSource(strings = {"rw-r-----", "rw----r--", "rw--w----", "rw-rw-rw-"})
    void masterKeyFileOthersCanUse_isRefusedWithTheFix(String openMode) throws IOException {
        Path key = sandbox.masterKeyFile("default");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(openMode));
        CliRun result = sandbox.run("data", "bag", "show", "local", "bag", "db", "--decrypt");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("messer: master key file " + key + " is accessible by group or others (mode "
                + openMode + "); run 'chmod 600 " + key + "'\n");

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertThat(sandbox.ok("data", "bag", "show", "local", "bag", "db", "--decrypt").out()).contains("\"pw\":\"x\"");
    }

    @Test
    void masterKeyFileReadableOnlyByOwner_isAccepted() throws IOException {
        Files.setPosixFilePermissions(sandbox.masterKeyFile("default"), PosixFilePermissions.fromString("r--------"));
        assertThat(sandbox.run("data", "bag", "show", "local", "bag", "db", "--decrypt").exit()).isZero();
    }
}
