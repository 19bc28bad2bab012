package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.local.LocalMasterKeyFile;
import dev.messer.security.CliSandbox.Result;
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

    private Result showDecrypted() {
        return sandbox.run("data", "bag", "show", "local", "bag", "db", "--decrypt");
    }

    @Test
    void passphraseFromTheEnvironment_createsAProtectedKeyThatEveryCommandOpens() {
        sandbox.env("MESSER_PASSPHRASE", PASSPHRASE);
        Result configured = sandbox.ok("configure", "local", "--passphrase");
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

        Result doctor = sandbox.run("doctor", "local");

        assertThat(doctor.exit()).as(doctor.toString()).isZero();
        assertThat(doctor.out()).contains("[ok]   wrap/unwrap").contains("[ok]   data keys").contains("app v0")
                .doesNotContain("FAIL").doesNotContain(PASSPHRASE);
    }

    @Test
    void passphrase_reachesNoOutputAndNoFile_evenWithDebugAndAWrongPassphrase() {
        SecretScan passphrase = SecretScan.forText(PASSPHRASE);
        java.util.List<Result> results = new java.util.ArrayList<>();
        sandbox.terminal(new ScriptedTerminal(true).secret(PASSPHRASE).secret(PASSPHRASE));
        results.add(sandbox.ok("configure", "local", "--passphrase", "--debug"));
        sandbox.terminal(ScriptedTerminal.none()).env("MESSER_PASSPHRASE", PASSPHRASE);
        results.add(sandbox.ok("encryption", "create", "local", "app", "--debug"));
        results.add(sandbox.env("MESSER_PASSPHRASE", PASSPHRASE + "x").run("encryption", "increment", "local", "app",
                "--debug"));
        assertThat(results.get(2).exit()).isEqualTo(1);
        for (Result result : results) {
            assertThat(passphrase.foundIn(result.out() + result.err())).as(result.command()).isFalse();
        }
        assertThat(passphrase.filesContaining(sandbox.root, null)).isEmpty();
    }

    @Test
    void wrongPassphrase_isOneLineAndExitOne() {
        sandbox.env("MESSER_PASSPHRASE", PASSPHRASE).ok("configure", "local", "--passphrase");
        useKey();
        Result wrong = sandbox.env("MESSER_PASSPHRASE", "not it").run("data", "bag", "show", "local", "bag", "db",
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
        Result result = showDecrypted();
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("messer: master key file " + sandbox.masterKeyFile("default")
                + " is protected by a passphrase and there is no terminal to ask on; set MESSER_PASSPHRASE"
                + " (see 'messer data bag show --help')\n");
    }

    @Test
    void passphraseTypedOnTheTerminal_isAskedTwiceToCreateAndOnceToOpen_andTheTypedArraysAreWiped() {
        ScriptedTerminal terminal = new ScriptedTerminal(true).secret(PASSPHRASE).secret(PASSPHRASE);
        sandbox.terminal(terminal).ok("configure", "local", "--passphrase");
        assertThat(terminal.prompts()).hasSize(2);
        ScriptedTerminal opening = new ScriptedTerminal(true).secret(PASSPHRASE);
        sandbox.terminal(opening);
        sandbox.ok("encryption", "create", "local", "app");
        assertThat(opening.prompts()).containsExactly("Passphrase for master key file "
                + sandbox.masterKeyFile("default") + ": ");
        assertThat(terminal.secretsHandedOut()).hasSize(2).allSatisfy(chars -> assertThat(chars).containsOnly('\0'));
        assertThat(opening.secretsHandedOut()).hasSize(1).allSatisfy(chars -> assertThat(chars).containsOnly('\0'));
    }

    @Test
    void differingPassphrasesOnTheTerminal_createNothing() {
        sandbox.terminal(new ScriptedTerminal(true).secret(PASSPHRASE).secret(PASSPHRASE + "!"));
        Result result = sandbox.run("configure", "local", "--passphrase");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("messer: the two passphrases differ; run the command again");
        assertThat(sandbox.masterKeyFile("default")).doesNotExist();
    }

    @Test
    void protectingAnExistingKey_keepsEveryItemReadable() {
        sandbox.ok("configure", "local");
        useKey();
        sandbox.env("MESSER_PASSPHRASE", PASSPHRASE);
        Result sealed = sandbox.ok("configure", "local", "--passphrase");
        assertThat(sealed.err()).contains("Sealed local master key");
        assertThat(LocalMasterKeyFile.isProtected(sandbox.masterKeyFile("default"))).isTrue();
        assertThat(showDecrypted().out()).contains("hunter2");
        assertThat(sandbox.ok("configure", "local", "--passphrase").err()).contains("already protected");
    }

    @Test
    void passphraseWithTheAwsProvider_isAUsageError() {
        Result result = sandbox.run("configure", "aws", "--passphrase");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("messer: --passphrase protects a local master key file");
    }
}
