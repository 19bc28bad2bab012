package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.error.Hint;
import org.junit.jupiter.api.Test;

/** The command line renders each hint for the user who gets it: their provider word, --profile and -c. */
class HintsTest {

    @Test
    void aRun_takesTheTypedProviderWord_profileAndConfig() {
        Hints hints = new Hints("local", "team", "my config.ini");
        assertThat(hints.render(Hint.of("create it with {}", Hint.command("data bag create", "web"))))
                .isEqualTo("create it with 'messer data bag create local web --profile team -c \"my config.ini\"'");
    }

    @Test
    void aRunForOneProvider_keepsItsWord_butTakesProfileAndConfig() {
        Hints hints = new Hints("local", "dev", null);
        assertThat(hints.commandLine(Hint.aws("setup", "--create-key"))).isEqualTo("messer setup aws --create-key --profile dev");
    }

    @Test
    void withoutATypedProvider_bothWordsAreOffered() {
        assertThat(new Hints(null, null, null).commandLine(Hint.command("configure")))
                .isEqualTo("messer configure aws|local");
    }

    @Test
    void argumentsAreQuotedForTheShell_andAProfileTheRunNamesIsKept() {
        Hints hints = new Hints("aws", "dev", "c.ini");
        assertThat(hints.commandLine(Hint.command("configure", "--allowed-variables", "DB_* API_*")))
                .isEqualTo("messer configure aws --allowed-variables \"DB_* API_*\" --profile dev -c c.ini");
        assertThat(hints.commandLine(Hint.command("configure", "--profile", "NAME", "-c", "other.ini")))
                .isEqualTo("messer configure aws --profile NAME -c other.ini");
    }

    @Test
    void aMessage_isTheProblemAndTheRenderedAdvice() {
        Hints hints = new Hints("aws", null, null);
        assertThat(hints.message("key app does not exist", Hint.of("create it with {}",
                Hint.command("encryption create", "app")))).isEqualTo("key app does not exist; create it with "
                + "'messer encryption create aws app'");
        assertThat(hints.message("gone", Hint.NONE)).isEqualTo("gone");
        assertThat(hints.forProvider("local").commandLine(Hint.command("doctor"))).isEqualTo("messer doctor local");
    }
}
