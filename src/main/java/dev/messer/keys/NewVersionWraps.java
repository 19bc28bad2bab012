package dev.messer.keys;

import dev.messer.crypto.DataKey;

/**
 * A second wrap of every new key version, besides its master key's: the break-glass wrap under a
 * recovery public key. {@link KeyRing} asks {@link #prepare} before it writes a version, so that a
 * refused second wrap (a recovery key that does not match the profile's pin) stops the write before
 * anything is stored, and hands the version's key to {@link #wrap} once the version is stored.
 */
public interface NewVersionWraps {

    /** No second wrap. */
    NewVersionWraps NONE = new NewVersionWraps() {
        @Override
        public boolean prepare() {
            return false;
        }

        @Override
        public void wrap(KeyRef ref, DataKey key) {
            throw new IllegalStateException("no second wrap is configured");
        }
    };

    /**
     * @return whether new versions get a second wrap (the key ring then unwraps each new version once)
     * @throws dev.messer.error.MesserException when the second wrap is configured but must not be made
     */
    boolean prepare();

    /** Stores the second wrap of {@code ref}, whose key is {@code key} (owned by the caller). */
    void wrap(KeyRef ref, DataKey key);
}
