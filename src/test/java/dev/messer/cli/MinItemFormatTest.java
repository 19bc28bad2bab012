package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A format-1 item (no binding to its path) copied over a bound item of another bag is served
 * silently unless min_item_format says otherwise.
 */
class MinItemFormatTest {

    @TempDir
    Path sandbox;

    CliSandbox cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliSandbox(sandbox);
        cli.ok("configure", "local", "--tier", "prod", "--item-format", "1");
        cli.ok("encryption", "create", "local", "app");
        Path db = cli.write("db.json", "{\"id\": \"db\", \"password\": \"attacker's\"}");
        Path api = cli.write("api.json", "{\"id\": \"api\", \"token\": \"t\"}");
        cli.ok("data", "bag", "create", "local", "web");
        cli.ok("data", "bag", "from", "file", "local", "web", db.toString(), api.toString(), "--secret-file", "app");
        cli.ok("configure", "local", "--item-format", "2");
        cli.ok("encryption", "increment", "local", "app");
        Path real = cli.write("real.json", "{\"id\": \"db\", \"password\": \"the real one\"}");
        cli.ok("data", "bag", "create", "local", "payments");
        cli.ok("data", "bag", "from", "file", "local", "payments", real.toString(), "--secret-file", "app");
        // someone who can write the secrets bucket replaces payments/db with the format-1 web/db
        Path secrets = cli.localRoot().resolve("secrets/prod");
        Files.copy(secrets.resolve("web/db"), secrets.resolve("payments/db"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void format1ItemCopiedOverABoundOne_isRefusedUnderMinItemFormat2_withOneLine_exit1() {
        cli.ok("configure", "local", "--min-item-format", "2");

        CliRun result = cli.run("data", "bag", "show", "local", "payments", "db", "--decrypt");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .contains("item payments/db").contains("item format 1").contains("min_item_format = 2 refuses it");
    }

    @Test
    void minItemFormat_fromTheEnvironment_refusesToo() {
        cli.env.put("MESSER_MIN_ITEM_FORMAT", "2");
        CliRun result = cli.run("data", "bag", "show", "local", "payments", "db", "--decrypt");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).doesNotContain("attacker's");
        assertThat(result.out()).doesNotContain("attacker's");
    }

    @Test
    void underMinItemFormat1_format1ItemsWarnOncePerCommand_onStderr() {
        CliRun result = cli.ok("exec", "local", "web", "db", "api", "--", "true");

        assertThat(result.errLines()).filteredOn(l -> l.startsWith("warning:")).singleElement().asString()
                .contains("item format 1").contains("'messer bulk re-encrypt local'");
    }

    @Test
    void silent_mutesTheFormat1Warning() {
        CliRun result = cli.ok("data", "bag", "show", "local", "payments", "db", "--decrypt", "--silent");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void minItemFormatAboveItemFormat_isAConfigurationError_exit2() {
        cli.ok("configure", "local", "--item-format", "1");
        CliRun result = cli.run("configure", "local", "--min-item-format", "2");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().contains("above item_format = 1");

        Map<String, String> env = Map.of("MESSER_MIN_ITEM_FORMAT", "3");
        cli.env.putAll(env);
        assertThat(cli.run("data", "bag", "show", "local").errLines()).singleElement().asString()
                .contains("min_item_format is '3'");
    }
}
