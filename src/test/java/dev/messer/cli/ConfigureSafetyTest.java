package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** configure must neither lose another run's changes nor lock the user out of their data keys. */
class ConfigureSafetyTest {

    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path sandbox;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(sandbox);
    }

    private Path keyFile(String name) {
        return cli.localRoot().resolve("master-keys/" + name + ".key");
    }

    @Test
    void parallelConfigureRuns_eachKeepTheirProfile() throws Exception {
        cli.ok("configure", "local", "-e", "dev");
        int runs = 8;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CliHarness.Result>> results = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                String profile = "p" + i;
                Callable<CliHarness.Result> run = () -> {
                    start.await();
                    return cli.run("configure", "local", "--profile", profile, "-e", "tier" + profile, "-m", "default");
                };
                results.add(pool.submit(run));
            }
            start.countDown();
            for (Future<CliHarness.Result> result : results) {
                assertThat(result.get().status()).as(result.get().toString()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        String text = Files.readString(cli.configFile());
        for (int i = 0; i < runs; i++) {
            assertThat(text).as("profile p" + i).contains("[profile p" + i + "]").contains("tier = tierp" + i);
        }
    }

    @Test
    void missingMasterKey_withDataKeysStored_isNotReplaced_andTheRefusalSaysRestore() throws IOException {
        cli.ok("configure", "local", "-e", "dev");
        cli.ok("encryption", "create", "local", "app");
        Files.delete(keyFile("default"));
        Map<String, String> before = cli.snapshot();

        CliHarness.Result result = cli.run("configure", "local", "-e", "prod");

        assertThat(result.status()).as(result.toString()).isEqualTo(1);
        assertThat(result.errLines()).containsExactly("messer: master key file " + keyFile("default")
                + " is missing and keys folder " + cli.localRoot().resolve("keys") + " holds 1 data key version(s) "
                + "that a new master key could not unwrap; restore the key file from your backup, use a keys folder "
                + "of its own (-k NAME), or add --new-master-key to start over");
        assertThat(cli.snapshot()).isEqualTo(before);
    }

    @Test
    void missingMasterKey_commandsSayRestoreFromBackup() throws IOException {
        cli.ok("configure", "local", "-e", "dev");
        cli.ok("encryption", "create", "local", "app");
        Files.delete(keyFile("default"));

        CliHarness.Result result = cli.run("encryption", "increment", "local", "app");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).contains("restore it from your backup").doesNotContain("configure local");
    }

    @Test
    void newMasterKeyFlag_createsTheKeyAnyway_andWarnsWhatStaysUnreadable() throws IOException {
        cli.ok("configure", "local", "-e", "dev");
        cli.ok("encryption", "create", "local", "app");
        Files.delete(keyFile("default"));

        CliHarness.Result result = cli.ok("configure", "local", "--new-master-key");

        assertThat(keyFile("default")).exists();
        assertThat(result.err()).contains("Created local master key")
                .contains("the 1 data key version(s) already in the keys folder were wrapped by the old master key");
    }

    @Test
    void newMasterKeyFlag_neverReplacesAnExistingKey() throws IOException {
        cli.ok("configure", "local", "-e", "dev");
        byte[] key = Files.readAllBytes(keyFile("default"));
        CliHarness.Result result = cli.run("configure", "local", "--new-master-key");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
        assertThat(Files.readAllBytes(keyFile("default"))).isEqualTo(key);
    }

    @Test
    void emptyKeysFolder_masterKeyIsCreatedAsBefore() {
        CliHarness.Result result = cli.ok("configure", "local", "-e", "dev");
        assertThat(result.err()).contains("Created local master key");
        assertThat(keyFile("default")).exists();
    }

    @Test
    void shortNewPassphrase_isRefused_exit2_andNothingWritten() {
        cli.ok("configure", "local", "-e", "dev");
        Map<String, String> before = cli.snapshot();
        cli.env.put("MESSER_PASSPHRASE", "elevenchars");

        CliHarness.Result result = cli.run("configure", "local", "--passphrase");

        assertThat(result.status()).as(result.toString()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1).first().asString().startsWith("messer: a new passphrase needs at "
                + "least 12 characters and MESSER_PASSPHRASE holds fewer; choose a longer one");
        assertThat(cli.snapshot()).isEqualTo(before);
    }

    @Test
    void shortTypedPassphrase_isRefusedToo() {
        cli.ok("configure", "local", "-e", "dev");
        cli.terminal = FakeTerminal.answering("short", "short");
        CliHarness.Result result = cli.run("configure", "local", "--passphrase");
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("the passphrase typed has fewer");
    }

    @Test
    void passphrase_recordsMasterKeyProtected_soASwappedPlainKeyIsRefused() throws IOException {
        cli.ok("configure", "local", "-e", "dev");
        cli.ok("encryption", "create", "local", "app");
        cli.env.put("MESSER_PASSPHRASE", PASSPHRASE);
        cli.ok("configure", "local", "--passphrase");
        assertThat(Files.readString(cli.configFile())).contains("master_key_protected = true");
        cli.ok("encryption", "increment", "local", "app");

        Files.delete(keyFile("default"));
        dev.messer.local.LocalMasterKeyFile.create(keyFile("default"));
        Map<String, String> before = cli.snapshot();
        CliHarness.Result swapped = cli.run("encryption", "increment", "local", "app");

        assertThat(swapped.status()).as(swapped.toString()).isEqualTo(1);
        assertThat(swapped.errLines()).containsExactly("messer: master key file " + keyFile("default")
                + " is not protected by a passphrase, but master_key_protected = true (from [profile local]) says it "
                + "must be, so it may have been swapped; restore it from your backup, or if you removed the "
                + "protection yourself set master_key_protected = false");
        assertThat(cli.snapshot()).isEqualTo(before);
    }

    @Test
    void doctorLocal_onAProtectedKey_withMesserPassphraseSet_passes() {
        cli.ok("configure", "local", "-e", "dev");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("data", "bag", "create", "local", "payments");
        cli.env.put("MESSER_PASSPHRASE", PASSPHRASE);
        cli.ok("configure", "local", "--passphrase");

        CliHarness.Result result = cli.run("doctor", "local");

        assertThat(result.status()).as(result.toString()).isZero();
        assertThat(result.out()).contains("[ok]   wrap/unwrap").contains("[ok]   data keys");
    }
}
