package dev.messer.masterkey;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;

/**
 * The key that wraps data keys: a KMS key, or a key file on disk. Wrapped bytes are opaque to the
 * rest of the tool and are stored as they are in the keys bucket.
 */
public interface MasterKey {

    /** Generates a new AES-256 data key and returns only its wrapped form, bound to {@code context}. */
    byte[] generateWrappedDataKey(EncryptionContext context);

    /**
     * Wraps an existing data key, bound to {@code context}: the same key under another master key (a
     * version moved to another master key, or copied to another region's keys bucket, wrapped by that
     * region's key). The caller keeps ownership of {@code key}.
     */
    byte[] wrap(DataKey key, EncryptionContext context);

    /**
     * Unwraps a data key. The caller owns the result and must close it.
     *
     * @throws dev.messer.error.IntegrityException if the bytes were not wrapped by this key under {@code context}
     */
    DataKey unwrap(byte[] wrapped, EncryptionContext context);

    /** For messages: "KMS key alias/acme-dev", "local key file /path". */
    String describe();
}
