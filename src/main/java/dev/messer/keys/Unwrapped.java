package dev.messer.keys;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;

/**
 * A data key as {@link KeyRing} unwrapped it: the key, the context its stored version carries (empty
 * for Messer's), and the master key that wrapped it when that is not the unwrapping ring's own (else
 * null), for the write rules ({@link MasterKeyRule}).
 */
record Unwrapped(DataKey key, EncryptionContext context, String otherMasterKey) {

    @Override
    public String toString() {
        return "Unwrapped[" + context + ", " + otherMasterKey + "]";
    }
}
