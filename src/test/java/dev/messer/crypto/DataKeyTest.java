package dev.messer.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DataKeyTest {

    @Test
    void close_overwritesTheKeyBytesWithZeros() {
        byte[] material = TestKeys.fixedBytes("wipe", DataKey.LENGTH);
        DataKey key = DataKey.adopt(material);
        key.close();
        assertThat(material).containsOnly(0);
        assertThat(key.isDestroyed()).isTrue();
    }

    @Test
    void useAfterClose_isRefused() {
        DataKey key = DataKey.random();
        key.close();
        assertThatThrownBy(key::material).isInstanceOf(IllegalStateException.class).hasMessageContaining("wiped");
        assertThatThrownBy(() -> key.withMaterialForWrapping(bytes -> bytes))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toString_neverShowsKeyBytes() {
        byte[] material = TestKeys.fixedBytes("shown", DataKey.LENGTH);
        String hex = HexFormat.of().formatHex(material);
        String base64 = java.util.Base64.getEncoder().encodeToString(material);
        try (DataKey key = DataKey.adopt(material.clone())) {
            assertThat(key.toString()).isEqualTo("DataKey[AES-256]")
                    .doesNotContain(hex.substring(0, 8)).doesNotContain(base64.substring(0, 8));
        }
    }

    @Test
    void toString_afterClose_saysWiped() {
        DataKey key = DataKey.random();
        key.close();
        assertThat(key.toString()).isEqualTo("DataKey[wiped]");
    }

    @Test
    void adopt_wrongLength_isRefusedAndTheInputWiped() {
        byte[] material = TestKeys.fixedBytes("short", 16);
        assertThatThrownBy(() -> DataKey.adopt(material)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes, got 16");
        assertThat(material).containsOnly(0);
    }

    @Test
    void adopt_takesTheArrayWithoutCopying() {
        byte[] material = TestKeys.fixedBytes("adopt", DataKey.LENGTH);
        try (DataKey key = DataKey.adopt(material)) {
            assertThat(key.material()).isSameAs(material);
        }
    }

    @Test
    void random_givesDistinct32ByteKeys() {
        try (DataKey a = DataKey.random(); DataKey b = DataKey.random()) {
            assertThat(a.material()).hasSize(32).isNotEqualTo(b.material());
        }
    }

    @Test
    void closeTwice_isHarmless() {
        DataKey key = DataKey.random();
        key.close();
        key.close();
        assertThat(key.isDestroyed()).isTrue();
    }
}
