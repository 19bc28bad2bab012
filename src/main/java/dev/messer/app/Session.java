package dev.messer.app;

import dev.messer.backend.Backend;
import dev.messer.config.CommonSettings;
import dev.messer.config.Provider;
import dev.messer.config.Settings;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.databag.DataBagService;
import dev.messer.databag.SecretsLayout;
import dev.messer.keys.DataKeyCache;
import dev.messer.keys.KeyRing;
import dev.messer.store.StoreNotices;

/**
 * Everything one command works with, for one profile: the backend, the key ring, the per-run data
 * key cache and the bag service. Closing it wipes every unwrapped key and closes clients. Only
 * {@link Sessions} makes one.
 *
 * @param <B> the provider's backend, so that provider-specific checks need no cast
 */
public final class Session<B extends Backend> implements AutoCloseable {

    private final Settings settings;
    private final B backend;
    private final KeyRing keyRing;
    private final DataKeyCache dataKeys;
    private final DataBagService bags;

    /** @param notices hears what the stores hold that the user should know about (printed by the command line) */
    Session(Settings settings, B backend, StoreNotices notices) {
        this.settings = settings;
        this.backend = backend;
        CommonSettings common = settings.common();
        int itemFormat = common.itemFormat();
        int minItemFormat = common.minItemFormat();
        this.keyRing = new KeyRing(backend.keys(), backend::masterKey, common.encryptionContext(), common.tier(),
                settings.provider() == Provider.AWS, common.bindsContext(), common.readsContextless(), notices);
        this.dataKeys = new DataKeyCache(keyRing);
        this.bags = new DataBagService(backend.secrets(),
                new SecretsLayout(common.tier(), common.secretsFolder()),
                EnvelopeVersion.fromItemFormat(itemFormat), backend::writer, minItemFormat, notices);
    }

    public Settings settings() {
        return settings;
    }

    public B backend() {
        return backend;
    }

    public KeyRing keyRing() {
        return keyRing;
    }

    public DataKeyCache dataKeys() {
        return dataKeys;
    }

    public DataBagService bags() {
        return bags;
    }

    @Override
    public void close() {
        try {
            dataKeys.close();
        } finally {
            backend.close();
        }
    }
}
