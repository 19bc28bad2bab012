package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.cli.CliRun;
import dev.messer.cli.CliSandbox;
import dev.messer.cli.FakeTerminal;
import dev.messer.local.LocalMasterKeyFile;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code configure local --passphrase} and using a protected master key through the CLI. An
 * integration test because every command derives the key with the real Argon2id costs (64 MiB, 3
 * passes), which takes most of a second each.
 */
class PassphraseCliIT {

    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path temp;

    private CliSandbox sandbox;
    private Path itemFile;

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(temp);
        itemFile = sandbox.writeFile("db.json", "{\"id\":\"db\",\"pw\":\"hunter2\"}");
    }

    private void useKey() {
        sandbox.ok("encryption", "create", "local", "app");
        sandbox.ok("data", "bag", "create", "local", "bag");
        sandbox.ok("data", "bag", "from", "file", "local", "bag", itemFile.toString(), "--secret-file", "app");
    }

    private CliRun showDecrypted() {
        return sandbox.run("data", "bag", "show", "local", "bag", "db", "--decrypt");
    }

    @Test
    void passphraseFromTheEnvironment_createsAProtectedKeyThatEveryCommandOpens() {
        sandbox.env("MESSER_PASSPHRASE", PASSPHRASE);
        CliRun configured = sandbox.ok("configure", "local", "--passphrase");
        assertThat(configured.err()).contains("protected by a passphrase").doesNotContain(PASSPHRASE);
        assertThat(LocalMasterKeyFile.isProtected(sandbox.masterKeyFile("default"))).isTrue();
        useKey();
        assertThat(showDecrypted().out()).contains("hunter2");
    }

    @Test
    void doctorLocal_onAProtectedKey_withThePassphraseInTheEnvironment_passesEveryCheck() {
        sandbox.env("MESSER_PASSPHRASE", PASSPHRASE);
        sandbox.ok("configure", "local", "--passphrase");
        useKey();

        CliRun doctor = sandbox.run("doctor", "local");

        assertThat(doctor.exit()).as(doctor.toString()).isZero();
        assertThat(doctor.out()).contains("[ok]   wrap/unwrap").contains("[ok]   data keys").contains("app v0")
                .doesNotContain("FAIL").doesNotContain(PASSPHRASE);
    }

    @Test
    void passphrase_reachesNoOutputAndNoFile_evenWithDebugAndAWrongPassphrase() {
        SecretScan passphrase = SecretScan.forText(PASSPHRASE);
        java.util.List<CliRun> results = new java.util.ArrayList<>();
        sandbox.terminal(FakeTerminal.answering().secret(PASSPHRASE).secret(PASSPHRASE));
        results.add(sandbox.ok("configure", "local", "--passphrase", "--debug"));
        sandbox.terminal(FakeTerminal.none()).env("MESSER_PASSPHRASE", PASSPHRASE);
        results.add(sandbox.ok("encryption", "create", "local", "app", "--debug"));
        results.add(sandbox.env("MESSER_PASSPHRASE", PASSPHRASE + "x").run("encryption", "increment", "local", "app",
                "--debug"));
        assertThat(results.get(2).exit()).isEqualTo(1);
        for (CliRun result : results) {
            assertThat(passphrase.foundIn(result.out() + result.err())).as(result.command()).isFalse();
        }
        assertThat(passphrase.filesContaining(sandbox.root, null)).isEmpty();
    }

    @Test
    void wrongPassphrase_isOneLineAndExitOne() {
        sandbox.env("MESSER_PASSPHRASE", PASSPHRASE).ok("configure", "local", "--passphrase");
        useKey();
        CliRun wrong = sandbox.env("MESSER_PASSPHRASE", "not it").run("data", "bag", "show", "local", "bag", "db",
                "--decrypt");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.out()).isEmpty();
        assertThat(wrong.err()).isEqualTo("messer: wrong passphrase for master key file "
                + sandbox.masterKeyFile("default") + " (or the file was altered); check MESSER_PASSPHRASE or type it "
                + "again\n");
    }

    @Test
    void protectedKeyWithoutPassphraseOrTerminal_saysHowToGiveIt() {
        sandbox.env("MESSER_PASSPHRASE", PASSPHRASE).ok("configure", "local", "--passphrase");
        useKey();
        sandbox.env("MESSER_PASSPHRASE", null);
        CliRun result = showDecrypted();
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("messer: master key file " + sandbox.masterKeyFile("default")
                + " is protected by a passphrase and there is no terminal to ask on; set MESSER_PASSPHRASE"
                + " (see 'messer data bag show --help')\n");
    }

    @Test
    void passphraseTypedOnTheTerminal_isAskedTwiceToCreateAndOnceToOpen_andTheTypedArraysAreWiped() {
        FakeTerminal terminal = FakeTerminal.answering().secret(PASSPHRASE).secret(PASSPHRASE);
        sandbox.terminal(terminal).ok("configure", "local", "--passphrase");
        assertThat(terminal.prompts()).hasSize(2);
        FakeTerminal opening = FakeTerminal.answering().secret(PASSPHRASE);
        sandbox.terminal(opening);
        sandbox.ok("encryption", "create", "local", "app");
        assertThat(opening.prompts()).containsExactly("Passphrase for master key file "
                + sandbox.masterKeyFile("default") + ": ");
        assertThat(terminal.secretsHandedOut()).hasSize(2).allSatisfy(chars -> assertThat(chars).containsOnly('\0'));
        assertThat(opening.secretsHandedOut()).hasSize(1).allSatisfy(chars -> assertThat(chars).containsOnly('\0'));
    }

    @Test
    void differingPassphrasesOnTheTerminal_createNothing() {
        sandbox.terminal(FakeTerminal.answering().secret(PASSPHRASE).secret(PASSPHRASE + "!"));
        CliRun result = sandbox.run("configure", "local", "--passphrase");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("messer: the two passphrases differ; run the command again");
        assertThat(sandbox.masterKeyFile("default")).doesNotExist();
    }

    @Test
    void protectingAnExistingKey_keepsEveryItemReadable() {
        sandbox.ok("configure", "local");
        useKey();
        sandbox.env("MESSER_PASSPHRASE", PASSPHRASE);
        CliRun sealed = sandbox.ok("configure", "local", "--passphrase");
        assertThat(sealed.err()).contains("Sealed local master key");
        assertThat(LocalMasterKeyFile.isProtected(sandbox.masterKeyFile("default"))).isTrue();
        assertThat(showDecrypted().out()).contains("hunter2");
        assertThat(sandbox.ok("configure", "local", "--passphrase").err()).contains("already protected");
    }

    @Test
    void passphraseWithTheAwsProvider_isAUsageError() {
        CliRun result = sandbox.run("configure", "aws", "--passphrase");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("messer: --passphrase protects a local master key file");
    }
}
