package dev.messer.keys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyRefTest {

    @Test
    void sameNameAndVersion_areEqualWithTheSameHash() {
        assertThat(new KeyRef("app", 3)).isEqualTo(new KeyRef("app", 3)).hasSameHashCodeAs(new KeyRef("app", 3));
    }

    @Test
    void otherVersionOrOtherName_isNotEqual() {
        assertThat(new KeyRef("app", 3)).isNotEqualTo(new KeyRef("app", 4)).isNotEqualTo(new KeyRef("db", 3))
                .isNotEqualTo("app v3").isNotEqualTo(null);
    }

    @Test
    void objectKeyAndText_nameTheVersion() {
        assertThat(new KeyRef("app", 3).objectKey()).isEqualTo("app/3");
        assertThat(new KeyRef("app", 3)).hasToString("app v3");
    }
}
