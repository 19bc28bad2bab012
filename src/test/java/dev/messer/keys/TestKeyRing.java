package dev.messer.keys;

import dev.messer.crypto.EncryptionContext;
import dev.messer.masterkey.MasterKey;
import dev.messer.store.BlobStore;
import dev.messer.store.StoreNotices;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds key rings for tests through the one constructor a session uses. By default: no configured
 * context, no tier, bound versions (item format 2), context-less versions read (min format 1).
 */
public final class TestKeyRing {

    private final BlobStore store;
    private final Supplier<MasterKey> masterKey;
    private EncryptionContext context = EncryptionContext.empty();
    private String tier = "";
    private boolean checkTier;
    private boolean bindContext = true;
    private boolean readContextless = true;
    private StoreNotices notices = StoreNotices.NONE;

    private TestKeyRing(BlobStore store, Supplier<MasterKey> masterKey) {
        this.store = store;
        this.masterKey = masterKey;
    }

    public static TestKeyRing on(BlobStore store, MasterKey masterKey) {
        return new TestKeyRing(store, () -> masterKey);
    }

    /** A master key resolved on first use, as a backend's is. */
    public static TestKeyRing on(BlobStore store, Supplier<MasterKey> masterKey) {
        return new TestKeyRing(store, masterKey);
    }

    /** A ring with the defaults. */
    public static KeyRing of(BlobStore store, MasterKey masterKey) {
        return on(store, masterKey).build();
    }

    public TestKeyRing context(EncryptionContext value) {
        context = value;
        return this;
    }

    /** @param checked whether a stored tier must be this one (each tier has its own keys bucket) */
    public TestKeyRing tier(String value, boolean checked) {
        tier = value;
        checkTier = checked;
        return this;
    }

    /** Versions without a context, as Messer and {@code item_format = 1} write them. */
    public TestKeyRing unbound() {
        bindContext = false;
        return this;
    }

    /** Context-less versions refused, as under {@code min_item_format = 2}. */
    public TestKeyRing refusingContextless() {
        readContextless = false;
        return this;
    }

    public TestKeyRing notices(StoreNotices value) {
        notices = value;
        return this;
    }

    public KeyTrust trust() {
        return new KeyTrust(context, tier, checkTier, bindContext, readContextless);
    }

    public KeyRing build() {
        return new KeyRing(store, masterKey, trust(), notices);
    }

    /**
     * Writes version {@code ref} as a ring of this builder would, whatever versions and tombstones
     * lie around it: what someone who can write the keys bucket could put there.
     */
    public KeyRef plant(KeyRef ref) {
        EncryptionContext stored = trust().forNewVersion(ref);
        byte[] wrapped = masterKey.get().generateWrappedDataKey(stored);
        store.putIfAbsent(ref.objectKey(), wrapped,
                stored.isEmpty() ? Map.of() : Map.of(KeyRing.CONTEXT_METADATA, stored.toMetadataValue()));
        if (store.get(ref.name() + "/").isEmpty()) {
            store.put(ref.name() + "/", new byte[0], Map.of());
        }
        return ref;
    }
}
