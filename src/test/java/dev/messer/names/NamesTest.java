package dev.messer.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"db", "a", "A-Z_0.9", "...", ".hidden", "x..y"})
    void namesOfAllowedCharacters_areValid(String name) {
        assertThat(Names.check("bag name", name)).isEqualTo(name);
        assertThat(Names.isValid(name)).isTrue();
    }

    @Test
    void aName_of128Characters_isValid_and129IsNot() {
        assertThat(Names.isValid("a".repeat(128))).isTrue();
        assertThat(Names.isValid("a".repeat(129))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a b", "café", "a#b", "tab\there", "semi;colon"})
    void otherNames_areRefusedNamingWhatAndTheRule(String name) {
        assertThat(Names.isValid(name)).isFalse();
        assertThatThrownBy(() -> Names.check("item id", name))
                .isInstanceOf(Names.InvalidNameException.class)
                .hasMessageStartingWith("item id '").hasMessageContaining("A-Z a-z 0-9 _ . -");
    }

    @Test
    void null_isRefused() {
        assertThat(Names.isValid(null)).isFalse();
        assertThatThrownBy(() -> Names.check("key name", null)).isInstanceOf(Names.InvalidNameException.class);
    }

    @Test
    void message_showsControlCharactersEscapedAndLongNamesCut() {
        assertThatThrownBy(() -> Names.check("bag name", "bad\u001b[31mred"))
                .hasMessageContaining("bad\\x1b[31mred").hasMessageNotContaining("\u001b");
        assertThatThrownBy(() -> Names.check("bag name", "x".repeat(300)))
                .hasMessageContaining("x".repeat(64) + "...").hasMessageNotContaining("x".repeat(65));
    }

    @Test
    void controlsEscaped_escapesWhatATerminalActsOn_andKeepsTheRestReadable() {
        assertThat(Names.controlsEscaped("x\u001b]0;OWNED\u0007\u001b[2J\u009b31m\u007f\r\u202eevil"))
                .isEqualTo("x\\x1b]0;OWNED\\x07\\x1b[2J\\x9b31m\\x7f\\x0d\\u202eevil");
        assertThat(Names.controlsEscaped("grüße 日本語 C:\\path\tat x")).isEqualTo("grüße 日本語 C:\\path\tat x");
    }
}
