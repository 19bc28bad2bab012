package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** encryption delete asks first: yes deletes, anything else keeps; no terminal refuses unless --no-prompt. */
class EncryptionDeleteTest {

    @TempDir
    Path sandbox;

    CliSandbox cli;

    @BeforeEach
    void setUp() {
        cli = new CliSandbox(sandbox);
        cli.ok("configure", "local");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("encryption", "increment", "local", "app");
    }

    private java.util.List<String> keys() {
        return cli.ok("encryption", "list", "local").outLines();
    }

    @Test
    void yes_deletesEveryVersion() {
        FakeTerminal terminal = FakeTerminal.answering("yes");
        cli.terminal = terminal;
        CliRun result = cli.ok("encryption", "delete", "local", "app");

        assertThat(terminal.prompts).singleElement().asString().contains("Delete encryption key app (every version)")
                .contains("Type 'yes' to confirm");
        assertThat(result.err()).contains("Deleted encryption key app (2 versions)");
        assertThat(keys()).isEmpty();
    }

    @Test
    void yes_deletesOneVersion() {
        cli.terminal = FakeTerminal.answering("YES");
        cli.ok("encryption", "delete", "local", "app", "1");
        assertThat(cli.ok("encryption", "list", "local", "app").outLines()).containsExactly("0");
    }

    @Test
    void no_keepsTheKey_exit1() {
        for (String answer : new String[] {"no", "", "y"}) {
            cli.terminal = FakeTerminal.answering(answer);
            Map<String, String> before = cli.snapshot();
            CliRun result = cli.run("encryption", "delete", "local", "app");
            assertThat(result.exit()).as(answer).isEqualTo(1);
            assertThat(result.err()).contains("Nothing deleted.");
            assertThat(cli.snapshot()).isEqualTo(before);
        }
        cli.terminal = FakeTerminal.answering();
        assertThat(cli.run("encryption", "delete", "local", "app").exit()).as("end of input").isEqualTo(1);
        assertThat(cli.ok("encryption", "list", "local", "app").outLines()).containsExactly("0", "1");
    }

    @Test
    void noTerminal_withoutNoPrompt_refuses_exit2_andKeepsTheKey() {
        Map<String, String> before = cli.snapshot();
        CliRun result = cli.run("encryption", "delete", "local", "app");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .contains("refusing to delete without confirmation").contains("--no-prompt");
        assertThat(cli.snapshot()).isEqualTo(before);
    }

    @Test
    void noPrompt_deletesWithoutAsking() {
        FakeTerminal terminal = FakeTerminal.answering("no");
        cli.terminal = terminal;
        cli.ok("encryption", "delete", "local", "app", "0", "--no-prompt");
        assertThat(terminal.prompts).isEmpty();
        assertThat(cli.ok("encryption", "list", "local", "app").outLines()).containsExactly("1");

        cli.terminal = FakeTerminal.none();
        cli.ok("encryption", "delete", "local", "app", "--no-prompt");
        assertThat(keys()).isEmpty();
    }

    @Test
    void missingKey_isReportedBeforeAnyPrompt() {
        FakeTerminal terminal = FakeTerminal.answering("yes");
        cli.terminal = terminal;
        assertThat(cli.run("encryption", "delete", "local", "nokey").exit()).isEqualTo(1);
        assertThat(cli.run("encryption", "delete", "local", "app", "9").exit()).isEqualTo(1);
        assertThat(terminal.prompts).isEmpty();
    }

    /** One item sealed with app v0 in tier prod, two with app v1 in tier dev (same buckets). */
    private void itemsInTwoTiers() {
        cli.ok("configure", "local", "--profile", "prod", "--tier", "prod");
        cli.ok("configure", "local", "--profile", "dev", "--tier", "dev");
        Path item = cli.write("db.json", "{\"id\": \"db\", \"password\": \"s3cret\"}");
        Path other = cli.write("api.json", "{\"id\": \"api\", \"token\": \"t\"}");
        cli.ok("data", "bag", "create", "local", "web", "--profile", "prod");
        cli.ok("data", "bag", "from", "file", "local", "web", item.toString(), "--secret-file", "app", "-v", "0",
                "--profile", "prod");
        cli.ok("data", "bag", "create", "local", "ops", "--profile", "dev");
        cli.ok("data", "bag", "from", "file", "local", "ops", item.toString(), "--secret-file", "app", "--profile", "dev");
        cli.ok("data", "bag", "from", "file", "local", "ops", other.toString(), "--secret-file", "app", "--profile", "dev");
    }

    @Test
    void deletingAVersionThatItemsUse_isRefused_namingHowManyAndWhichBags_inEveryTier() {
        itemsInTwoTiers();
        cli.terminal = FakeTerminal.answering("yes");
        Map<String, String> before = cli.snapshot();

        CliRun result = cli.run("encryption", "delete", "local", "app", "1", "--no-prompt");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .contains("encryption key app v1 is still used by 2 items in dev/ops").contains("--force");
        assertThat(cli.snapshot()).isEqualTo(before);

        CliRun whole = cli.run("encryption", "delete", "local", "app", "--no-prompt");
        assertThat(whole.exit()).isEqualTo(1);
        assertThat(whole.errLines()).singleElement().asString().contains("3 items in dev/ops, prod/web");
        assertThat(cli.snapshot()).isEqualTo(before);
    }

    @Test
    void dryRun_printsTheCount_andDeletesNothing() {
        itemsInTwoTiers();
        Map<String, String> before = cli.snapshot();

        CliRun result = cli.ok("encryption", "delete", "local", "app", "0", "--dry-run");

        assertThat(result.outLines()).singleElement().asString()
                .startsWith("would delete encryption key app v0: used by 1 item in prod/web");
        assertThat(cli.snapshot()).isEqualTo(before);
    }

    @Test
    void force_deletesAVersionInUse_andItsItemsThenReportItDeleted() {
        itemsInTwoTiers();
        CliRun result = cli.ok("encryption", "delete", "local", "app", "0", "--no-prompt", "--force");
        assertThat(result.err()).contains("warning: 1 item in prod/web will no longer decrypt");

        CliRun show = cli.run("data", "bag", "show", "local", "web", "db", "--decrypt", "--profile", "prod");
        assertThat(show.exit()).isEqualTo(1);
        assertThat(show.errLines()).singleElement().asString().contains("key app v0 was deleted");
    }

    @Test
    void deletedVersionNumber_isNotReusedByIncrement() {
        cli.ok("encryption", "delete", "local", "app", "1", "--no-prompt");
        cli.ok("encryption", "increment", "local", "app");
        assertThat(cli.ok("encryption", "list", "local", "app").outLines()).containsExactly("0", "2");
    }

    @Test
    void tombstonePlantedAtTheIntLimit_makesIncrementFailOnOneLine_insteadOfCreatingANegativeVersion()
            throws java.io.IOException {
        java.nio.file.Path tombstone = cli.localRoot().resolve("keys/!deleted/app/2147483647");
        java.nio.file.Files.createDirectories(tombstone.getParent());
        java.nio.file.Files.writeString(tombstone, "deleted\n");
        Map<String, String> before = cli.snapshot();

        CliRun result = cli.run("encryption", "increment", "local", "app");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("messer: tombstone !deleted/app/2147483647 in ")
                .contains("has a version number messer never writes (0 to 2147483646)")
                .endsWith("delete that object, check who can write the keys bucket, and run the command again");
        assertThat(result.err()).doesNotContain("Created");
        assertThat(cli.snapshot()).isEqualTo(before);
        assertThat(cli.ok("encryption", "list", "local", "app").outLines()).containsExactly("0", "1");
    }

    @Test
    void versionArgumentsAtOrAboveTheIntLimit_areUsageErrors() {
        for (String version : new String[] {"2147483647", "+1", "99999999999"}) {
            CliRun result = cli.run("encryption", "delete", "local", "app", version, "--no-prompt");
            assertThat(result.exit()).as(version).isEqualTo(2);
            assertThat(result.errLines()).first().asString().startsWith("messer: key version '" + version
                    + "' is not a version number (0 to 2147483646)");
        }
        CliRun upload = cli.run("data", "bag", "from", "file", "local", "web", "item.json",
                "--secret-file", "app", "-v", "2147483647");
        assertThat(upload.exit()).isEqualTo(2);
        assertThat(upload.errLines()).first().asString()
                .startsWith("messer: key version '2147483647' is not a version number (0 to 2147483646)");
    }
}
