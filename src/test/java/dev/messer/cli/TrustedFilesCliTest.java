package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the commands do with files someone else could have changed: the configuration file, the local
 * store and the master key. Every refusal is one line on stderr, and nothing is written.
 */
class TrustedFilesCliTest {

    @TempDir
    Path sandbox;

    CliSandbox cli;

    @BeforeEach
    void setUp() {
        cli = new CliSandbox(sandbox);
        cli.ok("configure", "local", "-m", "test", "-e", "dev");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("data", "bag", "create", "local", "payments");
    }

    private Path upload(String json) {
        return cli.write("item.json", json);
    }

    @Test
    void configWritableByOthers_isRefusedOnOneLine_exit1_nothingWritten() throws IOException {
        Files.setPosixFilePermissions(cli.configFile(), PosixFilePermissions.fromString("rw-rw-rw-"));
        Path item = upload("{\"id\":\"db\",\"password\":\"p\"}");
        Map<String, String> before = cli.snapshot();

        CliRun result = cli.run("data", "bag", "from", "file", "local", "payments", item.toString(),
                "--secret-file", "app");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.errLines()).containsExactly("messer: config file " + cli.configFile()
                + " is writable by others; run 'chmod o-w " + cli.configFile() + "'");
        assertThat(result.out()).isEmpty();
        assertThat(cli.snapshot()).isEqualTo(before);
    }

    @Test
    void groupWritableConfig_worksWithExactlyOneWarningLine() throws IOException {
        Files.setPosixFilePermissions(cli.configFile(), PosixFilePermissions.fromString("rw-rw-r--"));
        Path item = upload("{\"id\":\"db\",\"password\":\"p\"}");

        CliRun result = cli.run("data", "bag", "from", "file", "local", "payments", item.toString(),
                "--secret-file", "app", "--silent");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.errLines()).containsExactly("messer: warning: config file " + cli.configFile()
                + " is writable by its group, who could change where secrets go; run 'chmod g-w "
                + cli.configFile() + "'");
    }

    @Test
    void uploadIntoABagFolderReplacedBySymlink_isRefused_andTheTargetIsUntouched() throws IOException {
        Path bag = cli.localRoot().resolve("secrets/dev/payments");
        Path elsewhere = Files.createDirectories(sandbox.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("db"), "precious");
        try (var files = Files.walk(bag)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.createSymbolicLink(bag, elsewhere);
        Path item = upload("{\"id\":\"db\",\"password\":\"p\"}");

        CliRun result = cli.run("data", "bag", "from", "file", "local", "payments", item.toString(),
                "--secret-file", "app", "--force");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).contains(bag + " is a symbolic link").contains("rm " + bag);
        assertThat(elsewhere.resolve("db")).hasContent("precious");
        try (var files = Files.list(elsewhere)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void groupWritableKeysBucket_isRefusedWithChmodFix() throws IOException {
        Path keys = cli.localRoot().resolve("keys");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxrwx---"));
        Map<String, String> before = cli.snapshot();

        CliRun result = cli.run("encryption", "increment", "local", "app");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.errLines()).containsExactly("messer: bucket folder " + keys
                + " is writable by group or others; run 'chmod go-w " + keys + "'");
        assertThat(cli.snapshot()).isEqualTo(before);
    }
}
