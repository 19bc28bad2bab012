package dev.messer.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.IntegrityException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static final byte[] ITEM = "{\"id\":\"db\",\"password\":\"p\"}".getBytes(StandardCharsets.UTF_8);
    private static final ItemBinding HERE = new ItemBinding("dev", "secrets", "payments", "db", "app", 3);

    @Test
    void version2_roundTripsAndUsesA12ByteNonce() {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope envelope = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            assertThat(envelope.nonce()).hasSize(12);
            assertThat(envelope.tag()).hasSize(16);
            assertThat(envelope.ciphertext()).hasSize(ITEM.length);
            assertThat(envelope.keyName()).isEqualTo("app");
            assertThat(envelope.keyVersion()).isEqualTo(3);
            assertThat(envelope.open(key, HERE)).isEqualTo(ITEM);
        }
    }

    @Test
    void version1_roundTripsAndUsesA32ByteNonce() {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope envelope = Envelope.seal(EnvelopeVersion.V1, key, ITEM, HERE);
            assertThat(envelope.nonce()).hasSize(32);
            assertThat(envelope.open(key, HERE)).isEqualTo(ITEM);
        }
    }

    @Test
    void version1_hasNoAssociatedData_soItOpensAtAnyPath() {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope envelope = Envelope.seal(EnvelopeVersion.V1, key, ITEM, HERE);
            byte[] plain = AesGcm.open(key, envelope.nonce(), concat(envelope.ciphertext(), envelope.tag()), null);
            assertThat(plain).isEqualTo(ITEM);
            assertThat(envelope.open(key, new ItemBinding("prod", "", "other", "db", "app", 3))).isEqualTo(ITEM);
        }
    }

    @Test
    void twoSeals_useDifferentNonces() {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope a = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            Envelope b = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            assertThat(a.nonce()).isNotEqualTo(b.nonce());
            assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
        }
    }

    @Test
    void sealWithGivenNonce_refusesTheWrongNonceSize() {
        try (DataKey key = TestKeys.dataKey("env")) {
            assertThatThrownBy(() -> Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE, new byte[32]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void version2_flippedBitInNonce_failsIntegrity() {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope e = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            Envelope tampered = new Envelope(e.version(), flip(e.nonce(), 5), e.ciphertext(), e.tag(), "app", 3);
            assertThatThrownBy(() -> tampered.open(key, HERE)).isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void version2_flippedBitInCiphertext_failsIntegrity() {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope e = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            Envelope tampered = new Envelope(e.version(), e.nonce(), flip(e.ciphertext(), 0), e.tag(), "app", 3);
            assertThatThrownBy(() -> tampered.open(key, HERE)).isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void version2_flippedBitInTag_failsIntegrity() {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope e = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            Envelope tampered = new Envelope(e.version(), e.nonce(), e.ciphertext(), flip(e.tag(), 15), "app", 3);
            assertThatThrownBy(() -> tampered.open(key, HERE)).isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void version1_flippedBitInNonceCiphertextOrTag_failsIntegrity() {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope e = Envelope.seal(EnvelopeVersion.V1, key, ITEM, HERE);
            for (Envelope tampered : new Envelope[] {
                    new Envelope(e.version(), flip(e.nonce(), 31), e.ciphertext(), e.tag(), "app", 3),
                    new Envelope(e.version(), e.nonce(), flip(e.ciphertext(), 3), e.tag(), "app", 3),
                    new Envelope(e.version(), e.nonce(), e.ciphertext(), flip(e.tag(), 0), "app", 3)}) {
                assertThatThrownBy(() -> tampered.open(key, HERE)).isInstanceOf(IntegrityException.class);
            }
        }
    }

    @Test
    void truncatedCiphertext_failsIntegrity() {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope e = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            byte[] ct = e.ciphertext();
            Envelope tampered = new Envelope(e.version(), e.nonce(), Arrays.copyOf(ct, ct.length - 1), e.tag(), "app", 3);
            assertThatThrownBy(() -> tampered.open(key, HERE)).isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void truncatedTag_failsIntegrity() {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope e = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            Envelope tampered = new Envelope(e.version(), e.nonce(), e.ciphertext(), Arrays.copyOf(e.tag(), 12), "app", 3);
            assertThatThrownBy(() -> tampered.open(key, HERE))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("16 bytes");
        }
    }

    @Test
    void version2_nonceOfAnotherSize_failsIntegrity() {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope e = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            Envelope tampered = new Envelope(e.version(), Arrays.copyOf(e.nonce(), 16), e.ciphertext(), e.tag(), "app", 3);
            assertThatThrownBy(() -> tampered.open(key, HERE))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("12-byte nonce");
        }
    }

    @Test
    void wrongKey_failsIntegrity() {
        try (DataKey key = TestKeys.dataKey("env"); DataKey other = TestKeys.dataKey("other")) {
            Envelope v1 = Envelope.seal(EnvelopeVersion.V1, key, ITEM, HERE);
            Envelope v2 = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            assertThatThrownBy(() -> v1.open(other, HERE)).isInstanceOf(IntegrityException.class);
            assertThatThrownBy(() -> v2.open(other, HERE)).isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void version2_relabelledKeyName_failsIntegrity() {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope e = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            Envelope relabelled = new Envelope(e.version(), e.nonce(), e.ciphertext(), e.tag(), "other", 3);
            assertThatThrownBy(() -> relabelled.open(key, new ItemBinding("dev", "secrets", "payments", "db", "other", 3)))
                    .isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void version2_relabelledKeyVersion_failsIntegrity() {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope e = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            Envelope relabelled = new Envelope(e.version(), e.nonce(), e.ciphertext(), e.tag(), "app", 4);
            assertThatThrownBy(() -> relabelled.open(key, new ItemBinding("dev", "secrets", "payments", "db", "app", 4)))
                    .isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void version2_envelopeLabelsDisagreeingWithTheBinding_failIntegrity() {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope e = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            assertThatThrownBy(() -> e.open(key, new ItemBinding("dev", "secrets", "payments", "db", "app", 4)))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("names key app v3");
        }
    }

    @Test
    void version2_movedToAnotherBag_failsIntegrity() {
        assertMovedFails(new ItemBinding("dev", "secrets", "billing", "db", "app", 3));
    }

    @Test
    void version2_movedToAnotherId_failsIntegrity() {
        assertMovedFails(new ItemBinding("dev", "secrets", "payments", "db2", "app", 3));
    }

    @Test
    void version2_movedToAnotherTier_failsIntegrity() {
        assertMovedFails(new ItemBinding("prod", "secrets", "payments", "db", "app", 3));
    }

    @Test
    void version2_movedToAnotherFolder_failsIntegrity() {
        assertMovedFails(new ItemBinding("dev", "", "payments", "db", "app", 3));
    }

    @Test
    void toString_showsNoCiphertextOrNonce() {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope e = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            assertThat(e.toString()).isEqualTo("Envelope[v2, key app v3, " + ITEM.length + " bytes]");
        }
    }

    @Test
    void accessors_returnCopies() {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope e = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            e.nonce()[0] ^= 1;
            e.ciphertext()[0] ^= 1;
            e.tag()[0] ^= 1;
            assertThat(e.open(key, HERE)).isEqualTo(ITEM);
        }
    }

    private static void assertMovedFails(ItemBinding elsewhere) {
        try (DataKey key = TestKeys.dataKey("env")) {
            Envelope e = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            assertThatThrownBy(() -> e.open(key, elsewhere)).isInstanceOf(IntegrityException.class);
        }
    }

    static byte[] flip(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
