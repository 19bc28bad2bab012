package dev.messer.recovery;

import dev.messer.crypto.DataKey;
import dev.messer.keys.KeyRef;
import dev.messer.keys.NewVersionWraps;
import dev.messer.store.StoreNotices;

/**
 * The recovery wrap of every new key version, under the public key stored in the keys bucket and
 * pinned by the profile ({@code recovery_key_fingerprint}). A stored key that does not match the
 * pin refuses the write. A profile that pins none wraps nothing; when the bucket holds a recovery
 * key, it says so (once per command).
 */
public final class RecoveryWraps implements NewVersionWraps {

    private final RecoveryStore store;
    private final String pinned;
    private final StoreNotices notices;
    private RecoveryPublicKey key;
    private boolean unpinnedChecked;

    /** @param pinned the profile's {@code recovery_key_fingerprint}, or empty */
    public RecoveryWraps(RecoveryStore store, String pinned, StoreNotices notices) {
        this.store = store;
        this.pinned = pinned == null ? "" : pinned;
        this.notices = notices;
    }

    @Override
    public synchronized boolean prepare() {
        if (pinned.isEmpty()) {
            if (!unpinnedChecked) { // once per command: a bulk rotation writes many versions
                unpinnedChecked = true;
                store.storedPublicKey().ifPresent(stored -> notices.unpinnedRecoveryKey(stored.fingerprint(),
                        store.describe()));
            }
            return false;
        }
        if (key == null) {
            key = store.pinnedPublicKey(pinned);
        }
        return true;
    }

    @Override
    public synchronized void wrap(KeyRef ref, DataKey dataKey) {
        store.writeWrap(ref, key, dataKey);
    }
}
