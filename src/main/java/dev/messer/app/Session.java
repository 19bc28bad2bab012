package dev.messer.app;

import dev.messer.backend.Backend;
import dev.messer.bulk.BulkProfile;
import dev.messer.bulk.RegionSync;
import dev.messer.config.CommonSettings;
import dev.messer.config.Settings;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.databag.Bags;
import dev.messer.databag.ItemCrypto;
import dev.messer.databag.ItemHistory;
import dev.messer.databag.ItemService;
import dev.messer.databag.SecretsLayout;
import dev.messer.keys.CachingDataKeys;
import dev.messer.keys.DataKeyCacheBounds;
import dev.messer.keys.KeyRing;
import dev.messer.keys.KeyTrust;
import dev.messer.masterkey.MasterKeys;
import dev.messer.recovery.RecoveryStore;
import dev.messer.recovery.RecoveryWraps;
import dev.messer.regions.RegionalKeys;
import dev.messer.store.BlobStore;
import dev.messer.store.StoreNotices;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything one command works with, for one profile: the backend, the key ring, the data keys
 * unwrapped for this command, the bags, the item service and the item history. Closing it wipes
 * every unwrapped key and closes clients. Only {@link Sessions} makes one.
 *
 * @param <B> the provider's backend, so that provider-specific checks need no cast
 */
public final class Session<B extends Backend> implements AutoCloseable {

    private final Settings settings;
    private final B backend;
    private final SecretsLayout layout;
    private final KeyRing keyRing;
    private final RecoveryStore recovery;
    private final CachingDataKeys dataKeys;
    private final Bags bags;
    private final ItemService items;
    private final ItemHistory history;
    private final RegionRings regions;
    private final StoreNotices notices;
    private final ItemCrypto crypto;

    /** @param notices hears what the stores hold that the user should know about (printed by the command line) */
    Session(Settings settings, B backend, StoreNotices notices) {
        this(settings, backend, notices, null);
    }

    /**
     * @param regional the other regions of a profile that spans several, or null: then reads fail over
     *                 between the regions and data-key writes go to every region
     */
    Session(Settings settings, B backend, StoreNotices notices, RegionalBackends regional) {
        this(settings, backend, notices, regional, DataKeyCacheBounds.COMMAND);
    }

    /** @param keyBounds how many unwrapped data keys the session keeps, and for how long */
    Session(Settings settings, B backend, StoreNotices notices, RegionalBackends regional, DataKeyCacheBounds keyBounds) {
        this.settings = settings;
        this.backend = backend;
        this.notices = notices;
        CommonSettings common = settings.common();
        int itemFormat = common.itemFormat();
        int minItemFormat = common.minItemFormat();
        KeyTrust trust = new KeyTrust(common.encryptionContext(), common.tier(), !backend.tiersShareKeys(),
                common.bindsContext(), common.readsContextless());
        this.recovery = new RecoveryStore(backend.keys(), common.tier());
        Function<Backend, KeyRing> rings = region -> ring(region, region == backend ? recovery
                : new RecoveryStore(region.keys(), common.tier()), common, trust, notices);
        this.keyRing = rings.apply(backend);
        this.regions = new RegionRings(regional, backend, keyRing, rings);
        this.dataKeys = new CachingDataKeys(keyRing, regions.reads(), keyBounds);
        this.layout = new SecretsLayout(common.tier(), common.secretsFolder());
        this.crypto = new ItemCrypto(layout, minItemFormat, EnvelopeVersion.fromItemFormat(itemFormat), notices);
        BlobStore secrets = regions.secrets();
        this.bags = new Bags(secrets, layout, notices);
        this.items = new ItemService(secrets, layout, crypto, bags, keyRing, dataKeys, backend::writer);
        this.history = new ItemHistory(secrets, layout, crypto, dataKeys, keyRing, items);
    }

    /**
     * The key ring of one region's keys bucket: new versions are wrapped by that region's master key
     * (each version records its name, and reads pick the key by the name a version records, within
     * the region) and, when the profile pins a recovery key, by the recovery key stored in that bucket.
     */
    private static KeyRing ring(Backend region, RecoveryStore recovery, CommonSettings common, KeyTrust trust,
                                StoreNotices notices) {
        MasterKeys masterKeys = new MasterKeys(region::masterKeyName, region::masterKey, region::masterKey);
        return new KeyRing(region.keys(), masterKeys, trust, notices,
                new RecoveryWraps(recovery, common.recoveryKeyFingerprint(), notices));
    }

    public Settings settings() {
        return settings;
    }

    public B backend() {
        return backend;
    }

    /** Where bags and items live in the secrets bucket. */
    public SecretsLayout layout() {
        return layout;
    }

    /** The data keys of the home region (of the profile's one region, for most profiles). */
    public KeyRing keyRing() {
        return keyRing;
    }

    /** The recovery objects of the keys bucket: the recovery public key and the wraps under it. */
    public RecoveryStore recovery() {
        return recovery;
    }

    /** Data-key writes that go to every region of the profile, and their sync; for one region, the key ring alone. */
    public RegionalKeys keys() {
        return regions.keys();
    }

    /**
     * Each region's own secrets bucket, the home region's first, read and written with no fail-over
     * ({@code bulk sync}); empty for a profile of one region.
     */
    public Map<String, BlobStore> secretsByRegion() {
        return regions.secretsByRegion();
    }

    /** What {@code bulk sync} works with: every region's data keys and secrets bucket. */
    public RegionSync regionSync(Set<String> bags, boolean deleteExtra,
                                                 Consumer<String> announce) {
        Map<String, BlobStore> stores = secretsByRegion();
        return new RegionSync(keys(), stores, layout, notices, bags, deleteExtra, announce,
                backend::throttledAnswers, region -> {
                    BlobStore store = stores.get(region);
                    KeyRing ring = keys().ring(region);
                    return new ItemService(store, layout, crypto, new Bags(store, layout, notices), ring, ring,
                            backend::writer);
                });
    }

    /** The regions reads try, in order; empty for a profile of one region. */
    public java.util.List<String> readOrder() {
        return regions.readOrder();
    }

    /** The data keys of this session, each version unwrapped once within its bounds; wiped when the session closes. */
    public CachingDataKeys dataKeys() {
        return dataKeys;
    }

    public Bags bags() {
        return bags;
    }

    /** The item service: find, open, write, upload, delete, history. */
    public ItemService items() {
        return items;
    }

    /** Kept versions of items: show one, compare, roll back, purge. */
    public ItemHistory history() {
        return history;
    }

    /** What a bulk run over this profile works with. */
    public BulkProfile bulk() {
        return new BulkProfile(items, bags, keyRing, dataKeys, backend::throttledAnswers);
    }

    @Override
    public void close() {
        try {
            dataKeys.close();
            keyRing.close();
            regions.close();
        } finally {
            try {
                regions.closeBackends();
            } finally {
                backend.close();
            }
        }
    }
}
