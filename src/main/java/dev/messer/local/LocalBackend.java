package dev.messer.local;

import dev.messer.backend.Backend;
import dev.messer.config.SettingKey;
import dev.messer.config.Settings;
import dev.messer.local.LocalBlobStore;
import dev.messer.local.LocalMasterKey;
import dev.messer.local.LocalMasterKeyFile;
import dev.messer.local.PassphraseSource;
import dev.messer.masterkey.MasterKey;
import dev.messer.names.Names;
import dev.messer.store.BlobStore;
import java.nio.file.Path;

/** Buckets as folders under {@code local_root}, master key from {@code local_root/master-keys/<name>.key}. */
public final class LocalBackend implements Backend {

    private final Path root;
    private final String masterKeyName;
    private final LocalBlobStore secrets;
    private final LocalBlobStore keys;
    private final PassphraseSource passphrases;
    private LocalMasterKey masterKey;

    /** @param passphrases asked only if the master key file is protected by a passphrase */
    public LocalBackend(Settings settings, Path localRoot, PassphraseSource passphrases) {
        this.root = localRoot;
        this.passphrases = passphrases;
        this.masterKeyName = Names.check("master key name", settings.masterKey());
        this.secrets = new LocalBlobStore(root.resolve(Names.check("secrets_bucket", settings.get(SettingKey.SECRETS_BUCKET))));
        this.keys = new LocalBlobStore(root.resolve(Names.check("keys_bucket", settings.get(SettingKey.KEYS_BUCKET))));
    }

    /** The {@code local_root} folder that holds the buckets and the master key files. */
    public Path root() {
        return root;
    }

    public Path masterKeyFile() {
        return LocalMasterKeyFile.pathFor(root, masterKeyName);
    }

    @Override
    public BlobStore secrets() {
        return secrets;
    }

    @Override
    public BlobStore keys() {
        return keys;
    }

    @Override
    public synchronized MasterKey masterKey() {
        if (masterKey == null) {
            masterKey = LocalMasterKeyFile.open(masterKeyFile(), passphrases);
        }
        return masterKey;
    }

    @Override
    public synchronized void close() {
        if (masterKey != null) {
            masterKey.close();
            masterKey = null;
        }
    }
}
