package dev.messer.masterkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.AesGcm;
import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.IntegrityException;
import dev.messer.error.MesserException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MasterKey} must do. One subclass per implementation runs it: the local key file
 * ({@code LocalMasterKeyTest}) and KMS on moto ({@code KmsMasterKeyIT}), as {@code BlobStoreContract}
 * is run by every store.
 */
public abstract class MasterKeyContract {

    /** The context the key ring gives version 0 of key "app" in tier "dev" with encryption_context = team=payments. */
    protected static final EncryptionContext CONTEXT = EncryptionContext.of(Map.of("messer:key_name", "app",
            "messer:key_version", "0", "messer:tier", "dev", "team", "payments"));
    private static final byte[] NONCE = new byte[12];

    /** The master key under test; several calls in one test return the same key. */
    protected abstract MasterKey masterKey();

    /** Another master key of the same kind (another key file, another KMS key). */
    protected abstract MasterKey anotherMasterKey();

    @Test
    public void generatedKey_unwrapsUnderTheSameContext_toTheSameAes256Key_eachTime() {
        byte[] wrapped = masterKey().generateWrappedDataKey(CONTEXT);

        try (DataKey first = masterKey().unwrap(wrapped, CONTEXT); DataKey second = masterKey().unwrap(wrapped, CONTEXT)) {
            assertThat(material(first)).hasSize(DataKey.LENGTH).isEqualTo(material(second));
            byte[] sealed = AesGcm.seal(first, NONCE, "secret".getBytes(StandardCharsets.UTF_8), new byte[0]);
            assertThat(AesGcm.open(second, NONCE, sealed, new byte[0])).asString(StandardCharsets.UTF_8)
                    .isEqualTo("secret");
        }
    }

    @Test
    public void aKeyWrappedUnderAnotherMasterKey_unwrapsThereToTheSameKey_andOnlyUnderItsContext() {
        byte[] original = masterKey().generateWrappedDataKey(CONTEXT);
        try (DataKey key = masterKey().unwrap(original, CONTEXT)) {
            byte[] copy = anotherMasterKey().wrap(key, CONTEXT);
            assertThat(contains(copy, material(key))).as("the wrapped form contains the data key").isFalse();
            try (DataKey back = anotherMasterKey().unwrap(copy, CONTEXT)) {
                assertThat(back.sameAs(key)).isTrue();
            }
            assertThatThrownBy(() -> masterKey().unwrap(copy, CONTEXT)).isInstanceOf(MesserException.class);
            assertThatThrownBy(() -> anotherMasterKey().unwrap(copy, EncryptionContext.of(Map.of("team", "x"))))
                    .isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    public void eachGeneratedKey_isANewKey_andItsWrappedFormHoldsNoPlaintextKey() {
        byte[] one = masterKey().generateWrappedDataKey(CONTEXT);
        byte[] two = masterKey().generateWrappedDataKey(CONTEXT);

        assertThat(one).isNotEqualTo(two);
        try (DataKey a = masterKey().unwrap(one, CONTEXT); DataKey b = masterKey().unwrap(two, CONTEXT)) {
            assertThat(material(a)).isNotEqualTo(material(b));
            assertThat(contains(one, material(a))).as("the wrapped form contains the data key").isFalse();
        }
    }

    @Test
    public void theCallerOwnsTheUnwrappedKey_closingItLeavesTheWrappedFormUsable() {
        byte[] wrapped = masterKey().generateWrappedDataKey(CONTEXT);
        DataKey first = masterKey().unwrap(wrapped, CONTEXT);
        byte[] before = material(first);
        first.close();

        assertThat(first.isDestroyed()).isTrue();
        try (DataKey again = masterKey().unwrap(wrapped, CONTEXT)) {
            assertThat(material(again)).isEqualTo(before);
        }
    }

    @Test
    public void unwrap_withAPairChanged_failsIntegrity() {
        byte[] wrapped = masterKey().generateWrappedDataKey(CONTEXT);

        assertThatThrownBy(() -> masterKey().unwrap(wrapped, CONTEXT.with("team", "billing")))
                .isInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> masterKey().unwrap(wrapped, CONTEXT.with("messer:key_version", "1")))
                .isInstanceOf(IntegrityException.class);
    }

    @Test
    public void unwrap_withAPairAddedOrLeftOut_failsIntegrity() {
        byte[] wrapped = masterKey().generateWrappedDataKey(CONTEXT);

        assertThatThrownBy(() -> masterKey().unwrap(wrapped, CONTEXT.with("app", "checkout")))
                .isInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> masterKey().unwrap(wrapped, EncryptionContext.empty()))
                .isInstanceOf(IntegrityException.class);
    }

    @Test
    public void keyWrappedWithoutAContext_unwrapsOnlyWithoutOne() {
        byte[] wrapped = masterKey().generateWrappedDataKey(EncryptionContext.empty());

        try (DataKey key = masterKey().unwrap(wrapped, EncryptionContext.empty())) {
            assertThat(material(key)).hasSize(DataKey.LENGTH);
        }
        assertThatThrownBy(() -> masterKey().unwrap(wrapped, CONTEXT)).isInstanceOf(IntegrityException.class);
    }

    @Test
    public void contextValuesBeyondAscii_areBoundAsWritten() {
        EncryptionContext tier = CONTEXT.with("messer:tier", "qa-\u00e9");
        byte[] wrapped = masterKey().generateWrappedDataKey(tier);

        try (DataKey key = masterKey().unwrap(wrapped, tier)) {
            assertThat(material(key)).hasSize(DataKey.LENGTH);
        }
        assertThatThrownBy(() -> masterKey().unwrap(wrapped, CONTEXT.with("messer:tier", "qa-e\u0301")))
                .isInstanceOf(IntegrityException.class);
    }

    @Test
    public void unwrap_ofAlteredWrappedBytes_failsIntegrity() {
        byte[] wrapped = masterKey().generateWrappedDataKey(CONTEXT);
        wrapped[wrapped.length - 1] ^= 0x01;

        assertThatThrownBy(() -> masterKey().unwrap(wrapped, CONTEXT)).isInstanceOf(IntegrityException.class);
    }

    /**
     * Refused as one of messer's errors, never as a key: which one depends on the implementation (KMS
     * may answer that it cannot attribute the bytes to a key the caller may use).
     */
    @Test
    public void unwrap_ofBytesThatWereNeverWrapped_isRefused() {
        byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte) 0x5a);

        assertThatThrownBy(() -> masterKey().unwrap(garbage, CONTEXT)).isInstanceOf(MesserException.class);
        assertThatThrownBy(() -> masterKey().unwrap(new byte[0], CONTEXT)).isInstanceOf(MesserException.class);
    }

    @Test
    public void unwrap_ofAnotherMasterKeysWrapping_isRefused_namingThisKey() {
        byte[] foreign = anotherMasterKey().generateWrappedDataKey(CONTEXT);

        assertThatThrownBy(() -> masterKey().unwrap(foreign, CONTEXT)).isInstanceOf(MesserException.class)
                .hasMessageContaining(masterKey().describe());
        try (DataKey key = anotherMasterKey().unwrap(foreign, CONTEXT)) {
            assertThat(material(key)).hasSize(DataKey.LENGTH);
        }
    }

    @Test
    public void describe_namesTheKey_andTellsTwoKeysApart() {
        assertThat(masterKey().describe()).isNotBlank().isNotEqualTo(anotherMasterKey().describe());
    }

    private static byte[] material(DataKey key) {
        return key.withMaterialForWrapping(byte[]::clone);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
