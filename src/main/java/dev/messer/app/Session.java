package dev.messer.app;

import dev.messer.backend.Backend;
import dev.messer.bulk.BulkProfile;
import dev.messer.config.CommonSettings;
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
    private final CachingDataKeys dataKeys;
    private final Bags bags;
    private final ItemService items;
    private final ItemHistory history;

    /** @param notices hears what the stores hold that the user should know about (printed by the command line) */
    Session(Settings settings, B backend, StoreNotices notices) {
        this.settings = settings;
        this.backend = backend;
        CommonSettings common = settings.common();
        int itemFormat = common.itemFormat();
        int minItemFormat = common.minItemFormat();
        KeyTrust trust = new KeyTrust(common.encryptionContext(), common.tier(), !backend.tiersShareKeys(),
                common.bindsContext(), common.readsContextless());
        this.keyRing = new KeyRing(backend.keys(), backend::masterKey, trust, notices);
        this.dataKeys = new CachingDataKeys(keyRing);
        this.layout = new SecretsLayout(common.tier(), common.secretsFolder());
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
