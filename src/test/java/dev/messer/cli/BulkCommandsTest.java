package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkCommandsTest {

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();
    private String out;
    private String err;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("MESSER_STDERR_TTY", "0");
        config = home.resolve("dev.ini");
        Files.writeString(config, "[profile dev]\nprovider = local\ntier = dev\nmaster_key = dev\nlocal_root = "
                + home.resolve("root") + "\n");
        assertThat(run("configure", "local", "-m", "dev", "-c", config.toString(), "--profile", "dev")).isZero();
        assertThat(run("encryption", "create", "local", "app", "-c", config.toString())).isZero();
        assertThat(run("data", "bag", "create", "local", "web", "-c", config.toString())).isZero();
        for (String id : new String[] {"a", "b"}) {
            Path item = home.resolve(id + ".json");
            Files.writeString(item, "{\"id\": \"" + id + "\", \"secret\": \"s-" + id + "\"}");
            assertThat(run("data", "bag", "from", "file", "local", "web", item.toString(), "--secret-file", "app",
                    "-c", config.toString())).isZero();
        }
    }

    private int run(String... args) {
        CliRun run = CliRun.run(env, args);
        out = run.out();
        err = run.err();
        return run.exit();
    }

    @Test
    void bulkList_printsEachBagThenItsItemsIndentedByATab_asMesserDoes() {
        assertThat(run("bulk", "list", "local", config.toString())).isZero();
        assertThat(out).isEqualTo("web\n\ta\n\tb\n");
    }

    @Test
    void bulkRotateKeys_rotatesAndReportsOneSummaryLine_thenItemsDecryptWithTheNewVersion() {
        assertThat(run("bulk", "rotate-keys", "local", config.toString())).isZero();
        assertThat(err).contains("key app: created app v1").contains("rotate-keys: 2 done, 0 skipped, 0 failed");
        assertThat(out).isEmpty();

        assertThat(run("data", "bag", "show", "local", "web", "b", "--decrypt", "-c", config.toString())).isZero();
        assertThat(out).contains("\"key_version\":1").contains("\"secret\":\"s-b\"");
    }

    @Test
    void bulkReEncrypt_dryRun_printsThePlanOnStdout_andWritesNothing() throws IOException {
        run("encryption", "increment", "local", "app", "-c", config.toString());
        Path stored = home.resolve("root/secrets/dev/web/a");
        byte[] before = Files.readAllBytes(stored);

        assertThat(run("bulk", "re-encrypt", "local", config.toString(), "--dry-run")).isZero();

        assertThat(out).contains("do web/a: re-encrypt app v0 -> app v1").contains("do web/b: re-encrypt app v0 -> app v1");
        assertThat(err).contains("re-encrypt (dry run, nothing written): 2 to do, 0 to skip, 0 failed");
        assertThat(Files.readAllBytes(stored)).isEqualTo(before);
    }

    @Test
    void bulkReEncrypt_withAFailedItem_exitsOne_andListsIt_evenWhenSilent() throws IOException {
        run("encryption", "increment", "local", "app", "-c", config.toString());
        Files.writeString(home.resolve("root/secrets/dev/web/broken"), "not an item");

        assertThat(run("bulk", "re-encrypt", "local", config.toString(), "--silent")).isEqualTo(ExitCodes.FAILURE);

        assertThat(err).startsWith("failed web/broken: ").doesNotContain("re-encrypt:");
        assertThat(err.lines()).hasSize(1);
    }

    @Test
    void bulkReEncrypt_anObjectAboveTheCap_failsThatItemAlone_andTheRunGoesOn() throws IOException {
        run("encryption", "increment", "local", "app", "-c", config.toString());
        Files.write(home.resolve("root/secrets/dev/web/huge"), new byte[dev.messer.store.BlobStore.MAX_OBJECT_BYTES + 1]);

        assertThat(run("bulk", "re-encrypt", "local", config.toString())).isEqualTo(ExitCodes.FAILURE);

        assertThat(err).contains("failed web/huge: object dev/web/huge").contains("4 MiB cap")
                .contains("re-encrypt: 2 done, 0 skipped, 1 failed");
    }

    @Test
    void bulkReEncrypt_stats_reportsOneUnwrapPerKeyVersion() {
        run("encryption", "increment", "local", "app", "-c", config.toString());

        assertThat(run("bulk", "re-encrypt", "local", config.toString(), "--stats", "--parallel", "2")).isZero();

        assertThat(err).contains("stats: 2 items, 2 key unwraps for 2 key versions, 0 key versions created, 2 in flight (--parallel)");
    }

    @Test
    void progress_isDrawnOnStderrWhenItIsATerminal_andNeverWhenSilent() {
        env.put("MESSER_STDERR_TTY", "1");
        assertThat(run("bulk", "re-encrypt", "local", config.toString())).isZero();
        assertThat(err).contains("\rre-encrypting 2/2 (100%)");

        assertThat(run("bulk", "rotate-keys", "local", config.toString())).isZero();
        assertThat(err).contains("\rreading 2/2 (100%)").contains("re-encrypting 2/2 (100%)");

        assertThat(run("bulk", "re-encrypt", "local", config.toString(), "--silent")).isZero();
        assertThat(err).isEmpty();
        assertThat(out).isEmpty();
    }

    @Test
    void bulkCopy_toAnotherProfile_createsTheKeyThereAndCopiesEveryItem_andARerunSkipsThem() throws IOException {
        Path destination = home.resolve("prod.ini");
        Files.writeString(destination, "[profile prod]\nprovider = local\ntier = prod\nmaster_key = prod\nlocal_root = "
                + home.resolve("prod-root") + "\n");
        assertThat(run("configure", "local", "-m", "prod", "-c", destination.toString(), "--profile", "prod")).isZero();

        assertThat(run("bulk", "copy", "local", "local", config.toString(), destination.toString(),
                "--dest-profile", "prod")).isZero();
        assertThat(err).contains("created key app v0 in local " + destination + " (profile prod)")
                .contains("copy: 2 done, 0 skipped, 0 failed");

        assertThat(run("bulk", "copy", "local", "local", config.toString(), destination.toString(),
                "--dest-profile", "prod")).isZero();
        assertThat(err).contains("copy: 0 done, 2 skipped, 0 failed");

        assertThat(run("data", "bag", "show", "local", "web", "a", "--decrypt", "-c", destination.toString(),
                "--profile", "prod")).isZero();
        assertThat(out).contains("\"secret\":\"s-a\"");
    }

    @Test
    void bulkCommands_rejectExtraWords_andDashCBesideConfig_asUsageErrors() {
        assertThat(run("bulk", "re-encrypt", "local", config.toString(), "extra")).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("usage: messer bulk re-encrypt aws|local [CONFIG]");

        assertThat(run("bulk", "list", "local", config.toString(), "-c", "other.ini")).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("CONFIG argument");

        assertThat(run("bulk", "copy", "local", "local", config.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(run("bulk", "re-encrypt", "local", config.toString(), "--parallel", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--parallel must be between 1 and 64");
    }

    @Test
    void bulkList_configThatDoesNotExist_failsWithOneLineNamingIt() {
        assertThat(run("bulk", "list", "local", home.resolve("nope.ini").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.lines()).singleElement().asString().contains("nope.ini").contains("does not exist");
    }
}
