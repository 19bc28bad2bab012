package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored name carrying terminal escape sequences never reaches stdout; stderr reports it escaped. */
class ListingNamesTest {

    private static final String HOSTILE = "x\u001b]0;pwned\u0007\u001b[2J";
    private static final String ESCAPED = "x\\x1b]0;pwned\\x07\\x1b[2J";

    @TempDir
    Path sandbox;

    CliSandbox cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliSandbox(sandbox);
        cli.ok("configure", "local", "--tier", "dev");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("data", "bag", "create", "local", "web");
        Path item = cli.write("db.json", "{\"id\": \"db\", \"pw\": \"x\"}");
        cli.ok("data", "bag", "from", "file", "local", "web", item.toString(), "--secret-file", "app");
        Path secrets = cli.localRoot().resolve("secrets/dev");
        Files.createDirectories(secrets.resolve(HOSTILE));
        Files.writeString(secrets.resolve(HOSTILE).resolve("#folder"), "");
        Files.copy(secrets.resolve("web/db"), secrets.resolve("web").resolve(HOSTILE));
        Files.createDirectories(cli.localRoot().resolve("keys").resolve(HOSTILE));
        Files.copy(cli.localRoot().resolve("keys/app/0"), cli.localRoot().resolve("keys").resolve(HOSTILE).resolve("0"));
    }

    @Test
    void bagListing_leavesTheHostileNameOut_andReportsItEscaped() {
        CliRun result = cli.ok("data", "bag", "show", "local");

        assertThat(result.outLines()).containsExactly("web");
        assertThat(result.errLines()).singleElement().asString()
                .contains("invalid bag name '" + ESCAPED + "'").doesNotContain("\u001b");
    }

    @Test
    void itemListing_leavesTheHostileIdOut_andReportsItEscaped() {
        CliRun result = cli.ok("data", "bag", "show", "local", "web");

        assertThat(result.outLines()).containsExactly("db");
        assertThat(result.err()).contains("invalid item id '" + ESCAPED + "'").doesNotContain("\u001b");
    }

    @Test
    void keyListing_leavesTheHostileNameOut_andReportsItEscaped() {
        CliRun result = cli.ok("encryption", "list", "local");

        assertThat(result.out()).doesNotContain("\u001b").contains("app");
        assertThat(result.err()).contains("invalid key name '" + ESCAPED + "'").doesNotContain("\u001b");
    }
}
