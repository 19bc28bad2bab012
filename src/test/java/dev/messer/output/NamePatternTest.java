package dev.messer.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamePatternTest {

    @Test
    void exactName_matchesOnlyItself_withoutRegardToCase() {
        NamePattern pattern = NamePattern.of("VAULT_ADDR");
        assertThat(pattern.exact()).isTrue();
        assertThat(pattern.matches("VAULT_ADDR")).isTrue();
        assertThat(pattern.matches("vault_addr")).isTrue();
        assertThat(pattern.matches("VAULT_ADDRESS")).isFalse();
        assertThat(pattern.matches("MY_VAULT_ADDR")).isFalse();
    }

    @Test
    void trailingStar_isAPrefix() {
        NamePattern pattern = NamePattern.of("PIP_*");
        assertThat(pattern.exact()).isFalse();
        assertThat(pattern.matches("PIP_INDEX_URL")).isTrue();
        assertThat(pattern.matches("PIP_")).isTrue();
        assertThat(pattern.matches("PIPX_HOME")).isFalse();
        assertThat(pattern.matches("MY_PIP_X")).isFalse();
    }

    @Test
    void leadingStar_isASuffix() {
        NamePattern pattern = NamePattern.of("*_RSH");
        assertThat(pattern.matches("RSYNC_RSH")).isTrue();
        assertThat(pattern.matches("cvs_rsh")).isTrue();
        assertThat(pattern.matches("_RSH")).isTrue();
        assertThat(pattern.matches("RSH")).isFalse();
        assertThat(pattern.matches("RSYNC_RSH_X")).isFalse();
    }

    @Test
    void starsInside_matchAnyRunInOrder_withoutOverlappingTheEnds() {
        NamePattern pattern = NamePattern.of("A_*_B*_C");
        assertThat(pattern.matches("A_X_BY_C")).isTrue();
        assertThat(pattern.matches("A__B_C")).isTrue();
        assertThat(pattern.matches("A_B_C")).isFalse();
        assertThat(NamePattern.of("AB*BA").matches("ABA")).isFalse();
        assertThat(NamePattern.of("AB*BA").matches("ABBA")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "**", "DB-*", "DB *", "DB.*", "DB?", "$X"})
    void patternsOfOtherCharacters_orOfStarsAlone_areRefused(String text) {
        assertThatThrownBy(() -> NamePattern.of(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
