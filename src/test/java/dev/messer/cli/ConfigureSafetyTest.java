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

    CliSandbox cli;

    @BeforeEach
    void setUp() {
        cli = new CliSandbox(sandbox);
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
        List<Future<CliRun>> results = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                String profile = "p" + i;
                Callable<CliRun> run = () -> {
                    start.await();
                    return cli.run("configure", "local", "--profile", profile, "-e", "tier" + profile, "-m", "default");
                };
                results.add(pool.submit(run));
            }
            start.countDown();
            for (Future<CliRun> result : results) {
                assertThat(result.get().exit()).as(result.get().toString()).isZero();
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

        CliRun result = cli.run("configure", "local", "-e", "prod");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
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

        CliRun result = cli.run("encryption", "increment", "local", "app");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).contains("restore it from your backup").doesNotContain("configure local");
    }

    @Test
    void newMasterKeyFlag_createsTheKeyAnyway_andWarnsWhatStaysUnreadable() throws IOException {
        cli.ok("configure", "local", "-e", "dev");
        cli.ok("encryption", "create", "local", "app");
        Files.delete(keyFile("default"));

        CliRun result = cli.ok("configure", "local", "--new-master-key");

        assertThat(keyFile("default")).exists();
        assertThat(result.err()).contains("Created local master key")
                .contains("the 1 data key version(s) already in the keys folder were wrapped by the old master key");
    }

    @Test
    void newMasterKeyFlag_neverReplacesAnExistingKey() throws IOException {
        cli.ok("configure", "local", "-e", "dev");
        byte[] key = Files.readAllBytes(keyFile("default"));
        CliRun result = cli.run("configure", "local", "--new-master-key");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1);
        assertThat(Files.readAllBytes(keyFile("default"))).isEqualTo(key);
    }

    @Test
    void emptyKeysFolder_masterKeyIsCreatedAsBefore() {
        CliRun result = cli.ok("configure", "local", "-e", "dev");
        assertThat(result.err()).contains("Created local master key");
        assertThat(keyFile("default")).exists();
    }

    @Test
    void shortNewPassphrase_isRefused_exit2_andNothingWritten() {
        cli.ok("configure", "local", "-e", "dev");
        Map<String, String> before = cli.snapshot();
        cli.env.put("MESSER_PASSPHRASE", "elevenchars");

        CliRun result = cli.run("configure", "local", "--passphrase");

        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1).first().asString().startsWith("messer: a new passphrase needs at "
                + "least 12 characters and MESSER_PASSPHRASE holds fewer; choose a longer one");
        assertThat(cli.snapshot()).isEqualTo(before);
    }

    @Test
    void shortTypedPassphrase_isRefusedToo() {
        cli.ok("configure", "local", "-e", "dev");
        cli.terminal = FakeTerminal.answering("short", "short");
        CliRun result = cli.run("configure", "local", "--passphrase");
        assertThat(result.exit()).isEqualTo(2);
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
        CliRun swapped = cli.run("encryption", "increment", "local", "app");

        assertThat(swapped.exit()).as(swapped.toString()).isEqualTo(1);
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

        CliRun result = cli.run("doctor", "local");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("[ok]   wrap/unwrap").contains("[ok]   data keys");
    }

    @Test
    void emptyOrTruncatedMasterKey_asAFailedFirstRunLeftIt_isRefusedByConfigure_withTheFix() throws IOException {
        cli.ok("configure", "local", "-e", "dev");
        byte[] whole = Files.readAllBytes(keyFile("default"));
        for (byte[] damaged : new byte[][] {new byte[0], java.util.Arrays.copyOf(whole, 20), "not a key".getBytes()}) {
            Files.write(keyFile("default"), damaged);

            CliRun result = cli.run("configure", "local", "-e", "prod");

            assertThat(result.exit()).as(result.toString()).isEqualTo(1);
            assertThat(result.errLines()).containsExactly("messer: master key file " + keyFile("default")
                    + (damaged.length == 0 ? " is empty" : " is damaged (" + damaged.length + " bytes)")
                    + ", so it is not a messer local master key; if nothing was encrypted under it, remove it with 'rm "
                    + keyFile("default") + "' and run 'messer configure local' again, else restore it from your backup");
            assertThat(Files.readString(cli.configFile())).doesNotContain("tier = prod");
        }
        Files.delete(keyFile("default"));
        cli.ok("configure", "local", "-e", "prod");
        cli.ok("encryption", "create", "local", "app");
    }

    /** Moves the config file into a dotfiles checkout and links it back, as dotfile managers do (relative link). */
    private Path linkConfigIntoDotfiles() throws IOException {
        Path real = sandbox.resolve("dotfiles/messer.ini");
        Files.createDirectories(real.getParent());
        Files.move(cli.configFile(), real);
        Files.deleteIfExists(cli.configFile().resolveSibling(".messer.ini.lock"));
        Files.createSymbolicLink(cli.configFile(), cli.configFile().getParent().relativize(real));
        return real;
    }

    @Test
    void symlinkedConfigFile_isWrittenThrough_theLinkStays_andTheLockSitsBesideTheRealFile() throws IOException {
        cli.ok("configure", "local", "-e", "dev");
        Path real = linkConfigIntoDotfiles();
        Path link = Files.readSymbolicLink(cli.configFile());

        CliRun result = cli.ok("configure", "local", "-e", "prod");

        assertThat(result.err()).contains("Wrote 1 setting(s) to [profile local]");
        assertThat(Files.isSymbolicLink(cli.configFile())).isTrue();
        assertThat(Files.readSymbolicLink(cli.configFile())).isEqualTo(link);
        assertThat(Files.readString(real)).contains("\ntier = prod\n").doesNotContain("\ntier = dev\n");
        assertThat(real.resolveSibling(".messer.ini.lock")).isRegularFile();
        assertThat(cli.configFile().resolveSibling(".messer.ini.lock")).doesNotExist();
        assertThat(cli.ok("configure", "local", "-p").out()).contains("tier = prod");
    }

    @Test
    void symlinkToAConfigFileOthersMayWrite_isRefused_andNothingChanges() throws IOException {
        cli.ok("configure", "local", "-e", "dev");
        Path real = linkConfigIntoDotfiles();
        Files.setPosixFilePermissions(real, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        String before = Files.readString(real);

        CliRun result = cli.run("configure", "local", "-e", "prod");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.errLines()).containsExactly("messer: config file " + real.toRealPath()
                + " is writable by others; run 'chmod o-w " + real.toRealPath() + "'");
        assertThat(Files.readString(real)).isEqualTo(before);
        assertThat(Files.isSymbolicLink(cli.configFile())).isTrue();
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // the lock on the file itself looped forever on such a link
    void symlinkToNothing_isRefused_andNoFileAppearsWhereItPoints() throws IOException {
        Path missing = sandbox.resolve("dotfiles/messer.ini");
        Files.createDirectories(cli.configFile().getParent());
        Files.createSymbolicLink(cli.configFile(), missing);

        CliRun result = cli.run("configure", "local", "-e", "prod");

        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("messer: config file " + cli.configFile() + " is a symbolic link to "
                + missing + ", which does not resolve (No such file or directory); create that file, or remove the "
                + "link with 'rm " + cli.configFile() + "', and run the command again");
        assertThat(missing).doesNotExist();
        assertThat(Files.isSymbolicLink(cli.configFile())).isTrue();
    }
}
