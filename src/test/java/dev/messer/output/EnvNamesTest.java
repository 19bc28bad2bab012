package dev.messer.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnvNamesTest {

    @Test
    void lowerCaseAndPunctuation_becomeUpperCaseAndUnderscores() {
        assertThat(EnvNames.of("db.host")).isEqualTo("DB_HOST");
        assertThat(EnvNames.of("api-key")).isEqualTo("API_KEY");
        assertThat(EnvNames.of("Already_OK_9")).isEqualTo("ALREADY_OK_9");
    }

    @Test
    void leadingDigit_isPrefixedWithUnderscore() {
        assertThat(EnvNames.of("2fa")).isEqualTo("_2FA");
    }

    @Test
    void nonAsciiLetters_becomeOneUnderscoreEach() {
        assertThat(EnvNames.of("clé")).isEqualTo("CL_");
        assertThat(EnvNames.of("a😀b")).isEqualTo("A_B");
    }

    @Test
    void emptyName_becomesUnderscore() {
        assertThat(EnvNames.of("")).isEqualTo("_");
    }
}
