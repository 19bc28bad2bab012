package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * encryption delete on local counts kept versions (of live and deleted items) apart from items,
 * refuses a version only they use unless --drop-history, and counts only the tiers that may take
 * their keys from the keys folder it deletes from.
 */
class EncryptionDeleteHistoryTest {

    @TempDir
    Path sandbox;

    CliSandbox cli;

    private CliRun withInput(String stdin, String... args) {
        cli.stdin = stdin.getBytes(StandardCharsets.UTF_8);
        try {
            return cli.ok(args);
        } finally {
            cli.stdin = new byte[0];
        }
    }

    /**
     * Item web/db: uploaded and set under app v0, then resealed under app v1 by bulk rotate-keys.
     * Item web/gone: uploaded under app v0, then deleted. Kept versions under app v0: 3, of 2 items.
     */
    private void rotatedWithHistory() {
        cli = new CliSandbox(sandbox);
        cli.ok("configure", "local", "-e", "dev");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("data", "bag", "create", "local", "web");
        withInput("{\"id\":\"db\",\"password\":\"one\"}", "data", "bag", "from", "file", "local", "web", "-",
                "--secret-file", "app");
        withInput("two\n", "data", "bag", "set", "local", "web", "db", "password");
        withInput("{\"id\":\"gone\",\"password\":\"g\"}", "data", "bag", "from", "file", "local", "web", "-",
                "--secret-file", "app");
        cli.ok("data", "bag", "delete", "local", "web", "gone");
        cli.ok("bulk", "rotate-keys", "local", cli.configFile().toString());
    }

    private String secrets() {
        return cli.localRoot().resolve("secrets").toString();
    }

    @Test
    void dryRun_countsKeptVersionsApart_includingThoseOfDeletedItems() {
        rotatedWithHistory();

        CliRun result = cli.ok("encryption", "delete", "local", "app", "0", "--dry-run");

        assertThat(result.outLines()).containsExactly("would delete encryption key app v0: used by 0 items and by "
                + "3 kept versions of 2 items in dev/web in " + secrets() + " (scanned 1 item and 3 kept versions)");
    }

    @Test
    void progress_isShownOnATerminal_andNeverWhenSilent() {
        rotatedWithHistory();
        cli.env.put("MESSER_STDERR_TTY", "1");

        assertThat(cli.ok("encryption", "delete", "local", "app", "0", "--dry-run").err())
                .contains("\rreading items and kept versions 4/4 (100%)");
        assertThat(cli.ok("encryption", "delete", "local", "app", "0", "--dry-run", "--silent").err()).isEmpty();
    }

    @Test
    void aVersionOnlyKeptVersionsUse_isRefusedWithoutDropHistory_evenWithForce_andHistoryStaysReadable() {
        rotatedWithHistory();
        Map<String, String> before = cli.snapshot();

        for (String[] flags : new String[][] {{"--no-prompt"}, {"--no-prompt", "--force"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("encryption", "delete", "local",
                    "app", "0"), java.util.Arrays.stream(flags)).toArray(String[]::new);
            CliRun refused = cli.run(args);

            assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.errLines()).singleElement().asString()
                    .contains("encryption key app v0 is still used by 0 items and by 3 kept versions of 2 items")
                    .contains("history (show --at, diff) and rollback to those versions")
                    .contains("add --drop-history");
            assertThat(cli.snapshot()).isEqualTo(before);
        }

        assertThat(cli.ok("data", "bag", "show", "local", "web", "db", "--decrypt", "--at", "1", "--field", "password")
                .out()).isEqualTo("one\n");
        cli.ok("data", "bag", "rollback", "local", "web", "gone", "1");
        assertThat(cli.ok("data", "bag", "show", "local", "web", "gone", "--decrypt", "--field", "password").out())
                .isEqualTo("g\n");
    }

    @Test
    void dropHistory_deletesIt_sayingWhatStopsWorking() {
        rotatedWithHistory();

        CliRun deleted = cli.ok("encryption", "delete", "local", "app", "0", "--no-prompt", "--drop-history");

        assertThat(deleted.err()).contains("warning: 3 kept versions of 2 items in dev/web will no longer decrypt: "
                + "history (show --at, diff) and rollback to those versions stop working")
                .contains("Deleted encryption key app v0");
        CliRun old = cli.run("data", "bag", "show", "local", "web", "db", "--decrypt", "--at", "1");
        assertThat(old.exit()).isEqualTo(1);
        assertThat(old.err()).contains("key app v0 was deleted");
        assertThat(cli.ok("data", "bag", "show", "local", "web", "db", "--decrypt", "--field", "password").out())
                .isEqualTo("two\n");
    }

    @Test
    void wholeKey_countsItemsAndKeptVersions_andNeedsBothSwitches() {
        rotatedWithHistory();

        CliRun inUse = cli.run("encryption", "delete", "local", "app", "--no-prompt");
        assertThat(inUse.exit()).isEqualTo(1);
        assertThat(inUse.errLines()).singleElement().asString()
                .contains("encryption key app (every version) is still used by 1 item in dev/web and by 3 kept versions "
                        + "of 2 items").contains("add --force --drop-history to delete it anyway");

        cli.ok("data", "bag", "delete", "local", "web", "db");
        CliRun historyOnly = cli.run("encryption", "delete", "local", "app", "--no-prompt");
        assertThat(historyOnly.exit()).isEqualTo(1);
        assertThat(historyOnly.errLines()).singleElement().asString()
                .contains("is still used by 0 items and by 4 kept versions of 2 items").contains("add --drop-history");
        assertThat(cli.ok("encryption", "list", "local", "app").outLines()).containsExactly("0", "1");
    }

    /** Profile prod: tier prod in the same secrets folder, its keys in folder prod-keys; one item under its app v0. */
    private void prodWithItsOwnKeysFolder() {
        cli = new CliSandbox(sandbox);
        cli.ok("configure", "local", "-e", "dev");
        cli.ok("configure", "local", "--profile", "prod", "-e", "prod", "-k", "prod-keys");
        cli.ok("encryption", "create", "local", "app", "--profile", "prod");
        cli.ok("data", "bag", "create", "local", "payments", "--profile", "prod");
        withInput("{\"id\":\"db\",\"password\":\"p\"}", "data", "bag", "from", "file", "local", "payments", "-",
                "--secret-file", "app", "--profile", "prod");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("encryption", "increment", "local", "app");
    }

    @Test
    void scopeRule_leavesOutATierWhoseProfileKeepsItsKeysElsewhere_sayingWhy() {
        prodWithItsOwnKeysFolder();

        CliRun dryRun = cli.ok("encryption", "delete", "local", "app", "0", "--dry-run");
        assertThat(dryRun.out()).contains("used by 0 items in " + secrets() + " (scanned 0 items and 0 kept versions; "
                + "left out 1 item and 0 kept versions under prod/, whose keys profile prod keeps in "
                + cli.localRoot().resolve("prod-keys") + ")");

        cli.ok("encryption", "delete", "local", "app", "0", "--no-prompt");
        assertThat(cli.ok("data", "bag", "show", "local", "payments", "db", "--decrypt", "--field", "password",
                "--profile", "prod").out()).isEqualTo("p\n");
    }

    @Test
    void scopeRule_countsATierThatAnyProfileMapsToThisKeysFolder_orThatNoProfileMaps() {
        prodWithItsOwnKeysFolder();
        cli.ok("configure", "local", "--profile", "prod-here", "-e", "prod");
        cli.env.put("MESSER_TIER", "stage");
        cli.ok("data", "bag", "create", "local", "ops");
        withInput("{\"id\":\"api\",\"token\":\"t\"}", "data", "bag", "from", "file", "local", "ops", "-",
                "--secret-file", "app", "-v", "0");
        cli.env.remove("MESSER_TIER");

        CliRun refused = cli.run("encryption", "delete", "local", "app", "0", "--no-prompt");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.errLines()).singleElement().asString()
                .contains("is still used by 2 items in prod/payments, stage/ops").doesNotContain("left out");
    }

    @Test
    void readmeSequence_afterQuickstart_deletesVersion0() {
        cli = new CliSandbox(sandbox);
        cli.ok("quickstart");
        cli.ok("configure", "local", "-e", "dev", "-m", "default");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("encryption", "increment", "local", "app");

        CliRun deleted = cli.run("encryption", "delete", "local", "app", "0", "--no-prompt");

        assertThat(deleted.exit()).as(deleted.toString()).isZero();
        assertThat(cli.ok("encryption", "list", "local", "app").outLines()).containsExactly("1");
        assertThat(cli.ok("data", "bag", "show", "local", "demo", "--profile", "quickstart").outLines()).hasSize(1);
    }
}
