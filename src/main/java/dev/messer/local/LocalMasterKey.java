package dev.messer.local;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.IntegrityException;
import dev.messer.masterkey.MasterKey;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Wraps data keys in-process with AES-256-GCM under a key read from a file. Wrapped form:
 * {@code 0x4D 0x4B 0x01} ("MK", format 1), a 12-byte nonce, then ciphertext and tag of the 32-byte
 * data key, with the encryption context's canonical bytes as associated data.
 */
public final class LocalMasterKey implements MasterKey, AutoCloseable {

    static final byte[] MAGIC = {0x4D, 0x4B, 0x01};
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataKey key;
    private final String description;

    /** Takes ownership of {@code key}; it is wiped by {@link #close()}. */
    public LocalMasterKey(DataKey key, String description) {
        this.key = key;
        this.description = description;
    }

    @Override
    public byte[] generateWrappedDataKey(EncryptionContext context) {
        try (DataKey fresh = DataKey.random()) {
            return fresh.withMaterialForWrapping(material -> wrap(material, context));
        }
    }

    @Override
    public byte[] wrap(DataKey dataKey, EncryptionContext context) {
        return dataKey.withMaterialForWrapping(material -> wrap(material, context));
    }

    private byte[] wrap(byte[] material, EncryptionContext context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = dev.messer.crypto.AesGcm.seal(key, nonce, material, context.toAssociatedData());
        return ByteBuffer.allocate(MAGIC.length + NONCE_BYTES + sealed.length)
                .put(MAGIC).put(nonce).put(sealed).array();
    }

    @Override
    public DataKey unwrap(byte[] wrapped, EncryptionContext context) {
        if (wrapped.length < MAGIC.length + NONCE_BYTES + DataKey.LENGTH + 16
                || !Arrays.equals(Arrays.copyOf(wrapped, MAGIC.length), MAGIC)) {
            throw new IntegrityException("the wrapped data key is not in the local master key format");
        }
        byte[] nonce = Arrays.copyOfRange(wrapped, MAGIC.length, MAGIC.length + NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(wrapped, MAGIC.length + NONCE_BYTES, wrapped.length);
        try {
            return DataKey.adopt(dev.messer.crypto.AesGcm.open(key, nonce, sealed, context.toAssociatedData()));
        } catch (IntegrityException e) {
            throw new IntegrityException("cannot unwrap the data key with " + description
                    + ": wrong master key, wrong encryption context, or a corrupted key object");
        } catch (IllegalArgumentException e) {
            throw new IntegrityException("the unwrapped data key has the wrong length");
        }
    }

    /** The key itself, for rewriting its file under a passphrase (same package only). */
    DataKey keyForFile() {
        return key;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        key.close();
    }
}
