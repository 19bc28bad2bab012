package dev.messer.app;

import dev.messer.backend.Backend;
import dev.messer.bulk.BulkProfile;
import dev.messer.config.Settings;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.databag.Bags;
import dev.messer.databag.ItemCrypto;
import dev.messer.databag.ItemHistory;
import dev.messer.databag.ItemService;
import dev.messer.databag.SecretsLayout;
import dev.messer.keys.CachingDataKeys;
import dev.messer.keys.KeyRing;
import dev.messer.keys.KeyTrust;
import dev.messer.masterkey.MasterKeys;
import dev.messer.recovery.RecoveryStore;
import dev.messer.recovery.RecoveryWraps;
import dev.messer.store.StoreNotices;

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

    /** @param notices hears what the stores hold that the user should know about (printed by the command line) */
    Session(Settings settings, B backend, StoreNotices notices) {
        this.settings = settings;
        this.backend = backend;
        int itemFormat = settings.itemFormat();
        int minItemFormat = settings.minItemFormat();
        KeyTrust trust = new KeyTrust(settings.encryptionContext(), settings.tier(), !backend.tiersShareKeys(),
                itemFormat == 2, minItemFormat < 2);
        MasterKeys masterKeys = new MasterKeys(backend::masterKeyName, backend::masterKey, backend::masterKey);
        this.recovery = new RecoveryStore(backend.keys(), settings.tier());
        this.keyRing = new KeyRing(backend.keys(), masterKeys, trust, notices,
                new RecoveryWraps(recovery, settings.recoveryKeyFingerprint(), notices));
        this.dataKeys = new CachingDataKeys(keyRing);
        this.layout = new SecretsLayout(settings.tier(), settings.secretsFolder());
        ItemCrypto crypto = new ItemCrypto(layout, minItemFormat, EnvelopeVersion.fromItemFormat(itemFormat), notices);
        this.bags = new Bags(backend.secrets(), layout, notices);
        this.items = new ItemService(backend.secrets(), layout, crypto, bags, keyRing, dataKeys, backend::writer);
        this.history = new ItemHistory(backend.secrets(), layout, crypto, dataKeys, keyRing, items);
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

    public KeyRing keyRing() {
        return keyRing;
    }

    /** The recovery objects of the keys bucket: the recovery public key and the wraps under it. */
    public RecoveryStore recovery() {
        return recovery;
    }

    /** The data keys of this command, each version unwrapped once; wiped when the session closes. */
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
        return new BulkProfile(items, bags, keyRing, dataKeys);
    }

    @Override
    public void close() {
        try {
            dataKeys.close();
            keyRing.close();
        } finally {
            backend.close();
        }
    }
}
