package dev.messer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.IntegrityException;
import dev.messer.masterkey.MasterKey;
import dev.messer.masterkey.MasterKeyContract;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local key file's master key: the {@link MasterKeyContract}, and its own wrapped format. */
class LocalMasterKeyTest extends MasterKeyContract {

    private static final EncryptionContext CONTEXT = EncryptionContext.parse("messer:key_name=app,messer:key_version=0");

    private final LocalMasterKey contractKey = new LocalMasterKey(DataKey.random(), "local master key /x/default.key");
    private final LocalMasterKey contractOther = new LocalMasterKey(DataKey.random(), "local master key /x/other.key");

    @Override
    protected MasterKey masterKey() {
        return contractKey;
    }

    @Override
    protected MasterKey anotherMasterKey() {
        return contractOther;
    }

    @AfterEach
    void wipe() {
        contractKey.close();
        contractOther.close();
    }

    @Test
    void wrappedForm_isMagicThenNonceThenSealedKey() {
        try (LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test key")) {
            byte[] wrapped = master.generateWrappedDataKey(CONTEXT);
            assertThat(wrapped).hasSize(3 + 12 + 32 + 16);
            assertThat(Arrays.copyOf(wrapped, 3)).containsExactly(0x4D, 0x4B, 0x01);
        }
    }

    @Test
    void eachGeneratedKey_isNewAndWrappedUnderAFreshNonce() {
        try (LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test key")) {
            byte[] one = master.generateWrappedDataKey(CONTEXT);
            byte[] two = master.generateWrappedDataKey(CONTEXT);
            assertThat(Arrays.copyOfRange(one, 3, 15)).isNotEqualTo(Arrays.copyOfRange(two, 3, 15));
            try (DataKey a = master.unwrap(one, CONTEXT); DataKey b = master.unwrap(two, CONTEXT)) {
                byte[] first = a.withMaterialForWrapping(byte[]::clone);
                byte[] second = b.withMaterialForWrapping(byte[]::clone);
                assertThat(first).isNotEqualTo(second);
            }
        }
    }

    @Test
    void unwrap_withAnotherContext_failsIntegrity() {
        try (LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test key")) {
            byte[] wrapped = master.generateWrappedDataKey(CONTEXT);
            assertThatThrownBy(() -> master.unwrap(wrapped, CONTEXT.with("messer:key_version", "1")))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("wrong encryption context");
            assertThatThrownBy(() -> master.unwrap(wrapped, EncryptionContext.empty()))
                    .isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void unwrap_withAnotherMasterKey_failsIntegrityNamingIt() {
        try (LocalMasterKey master = new LocalMasterKey(DataKey.random(), "key A");
             LocalMasterKey other = new LocalMasterKey(DataKey.random(), "key B")) {
            byte[] wrapped = master.generateWrappedDataKey(CONTEXT);
            assertThatThrownBy(() -> other.unwrap(wrapped, CONTEXT))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("key B").hasMessageContaining("wrong master key");
        }
    }

    @Test
    void unwrap_ofACorruptedBlob_failsIntegrity() {
        try (LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test key")) {
            byte[] wrapped = master.generateWrappedDataKey(CONTEXT);
            for (int i = 3; i < wrapped.length; i++) {
                byte[] corrupted = wrapped.clone();
                corrupted[i] ^= 0x40;
                assertThatThrownBy(() -> master.unwrap(corrupted, CONTEXT)).as("byte %d", i)
                        .isInstanceOf(IntegrityException.class);
            }
        }
    }

    @Test
    void unwrap_ofATruncatedOrForeignBlob_failsIntegrityNamingTheFormat() {
        try (LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test key")) {
            byte[] wrapped = master.generateWrappedDataKey(CONTEXT);
            assertThatThrownBy(() -> master.unwrap(Arrays.copyOf(wrapped, wrapped.length - 1), CONTEXT))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("local master key format");
            byte[] foreign = wrapped.clone();
            foreign[0] = 0x01; // e.g. a KMS ciphertext blob
            assertThatThrownBy(() -> master.unwrap(foreign, CONTEXT))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("local master key format");
        }
    }

    @Test
    void unwrap_ofALongerSealedPayload_failsIntegrityInsteadOfReturningAWrongSizeKey() {
        try (LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test key")) {
            byte[] wrapped = master.generateWrappedDataKey(CONTEXT);
            byte[] longer = Arrays.copyOf(wrapped, wrapped.length + 8);
            assertThatThrownBy(() -> master.unwrap(longer, CONTEXT)).isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void close_wipesTheMasterKey() {
        DataKey key = DataKey.random();
        LocalMasterKey master = new LocalMasterKey(key, "test key");
        master.close();
        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(() -> master.generateWrappedDataKey(CONTEXT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void describe_isTheGivenDescription() {
        try (LocalMasterKey master = new LocalMasterKey(DataKey.random(), "local master key /x/default.key")) {
            assertThat(master.describe()).isEqualTo("local master key /x/default.key");
        }
    }
}
