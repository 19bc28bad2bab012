package dev.messer.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.IntegrityException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AesGcmTest {

    private static final byte[] NONCE = TestKeys.fixedBytes("nonce", 12);
    private static final byte[] PLAINTEXT = "attack at dawn".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "where".getBytes(StandardCharsets.UTF_8);

    @Test
    void nistGcmTestCase14_allZeroKeyAndBlock_matchesPublishedCiphertextAndTag() {
        // NIST GCM spec (McGrew/Viega) test case 14: AES-256, K = 0^256, IV = 0^96, P = 0^128
        byte[] key = new byte[32];
        byte[] sealed = AesGcm.seal(key, new byte[12], new byte[16], null);
        assertThat(HexFormat.of().formatHex(sealed))
                .isEqualTo("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919");
    }

    @Test
    void seal_appendsA16ByteTagToTheCiphertext() {
        try (DataKey key = TestKeys.dataKey("aes")) {
            byte[] sealed = AesGcm.seal(key, NONCE, PLAINTEXT, AAD);
            assertThat(sealed).hasSize(PLAINTEXT.length + AesGcm.TAG_BYTES);
        }
    }

    @Test
    void open_roundTripsWithTheSameKeyNonceAndAad() {
        try (DataKey key = TestKeys.dataKey("aes")) {
            byte[] sealed = AesGcm.seal(key, NONCE, PLAINTEXT, AAD);
            assertThat(AesGcm.open(key, NONCE, sealed, AAD)).isEqualTo(PLAINTEXT);
        }
    }

    @Test
    void nullAndEmptyAad_areTheSameAssociatedData() {
        try (DataKey key = TestKeys.dataKey("aes")) {
            byte[] sealed = AesGcm.seal(key, NONCE, PLAINTEXT, null);
            assertThat(AesGcm.open(key, NONCE, sealed, new byte[0])).isEqualTo(PLAINTEXT);
        }
    }

    @Test
    void open_withOtherAad_failsIntegrity() {
        try (DataKey key = TestKeys.dataKey("aes")) {
            byte[] sealed = AesGcm.seal(key, NONCE, PLAINTEXT, AAD);
            assertThatThrownBy(() -> AesGcm.open(key, NONCE, sealed, "elsewhere".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void open_withWrongKey_failsIntegrity() {
        try (DataKey key = TestKeys.dataKey("aes"); DataKey other = TestKeys.dataKey("other")) {
            byte[] sealed = AesGcm.seal(key, NONCE, PLAINTEXT, AAD);
            assertThatThrownBy(() -> AesGcm.open(other, NONCE, sealed, AAD)).isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void open_withFlippedBitAnywhere_failsIntegrity() {
        try (DataKey key = TestKeys.dataKey("aes")) {
            byte[] sealed = AesGcm.seal(key, NONCE, PLAINTEXT, AAD);
            for (int i = 0; i < sealed.length; i++) {
                byte[] tampered = sealed.clone();
                tampered[i] ^= 0x01;
                assertThatThrownBy(() -> AesGcm.open(key, NONCE, tampered, AAD))
                        .as("bit flipped in byte %d", i).isInstanceOf(IntegrityException.class);
            }
        }
    }

    @Test
    void open_withOtherNonce_failsIntegrity() {
        try (DataKey key = TestKeys.dataKey("aes")) {
            byte[] sealed = AesGcm.seal(key, NONCE, PLAINTEXT, AAD);
            byte[] nonce = NONCE.clone();
            nonce[0] ^= 0x01;
            assertThatThrownBy(() -> AesGcm.open(key, nonce, sealed, AAD)).isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void open_shorterThanTheTag_failsIntegrity() {
        try (DataKey key = TestKeys.dataKey("aes")) {
            assertThatThrownBy(() -> AesGcm.open(key, NONCE, new byte[15], AAD))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("shorter than its authentication tag");
        }
    }

    @Test
    void open_withEmptyNonce_failsIntegrity() {
        try (DataKey key = TestKeys.dataKey("aes")) {
            assertThatThrownBy(() -> AesGcm.open(key, new byte[0], new byte[32], AAD))
                    .isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void a32ByteNonce_asMesserUsesIt_roundTrips() {
        try (DataKey key = TestKeys.dataKey("aes")) {
            byte[] nonce = TestKeys.fixedBytes("long-nonce", 32);
            byte[] sealed = AesGcm.seal(key, nonce, PLAINTEXT, null);
            assertThat(AesGcm.open(key, nonce, sealed, null)).isEqualTo(PLAINTEXT);
        }
    }

    @Test
    void wipedKey_cannotBeUsed() {
        DataKey key = TestKeys.dataKey("aes");
        key.close();
        assertThatThrownBy(() -> AesGcm.seal(key, NONCE, PLAINTEXT, AAD)).isInstanceOf(IllegalStateException.class);
    }
}
