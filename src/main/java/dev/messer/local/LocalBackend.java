package dev.messer.local;

import dev.messer.backend.TwoBuckets;
import dev.messer.config.LocalSettings;
import dev.messer.local.LocalBlobStore;
import dev.messer.local.LocalMasterKey;
import dev.messer.local.LocalMasterKeyFile;
import dev.messer.local.PassphraseSource;
import dev.messer.masterkey.MasterKey;
import dev.messer.names.Names;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Buckets as folders under {@code local_root}, master key from {@code local_root/master-keys/<name>.key}. */
public final class LocalBackend extends TwoBuckets {

    private final Path root;
    private final String masterKeyName;
    private final PassphraseSource passphrases;
    private final String protectionRequiredBy;
    private LocalMasterKey masterKey;
    private final Map<String, LocalMasterKey> otherKeys = new HashMap<>();
    private String writer;

    /** @param passphrases asked only if the master key file is protected by a passphrase */
    public LocalBackend(LocalSettings settings, PassphraseSource passphrases) {
        super(new LocalBlobStore(settings.root().resolve(Names.check("secrets_bucket", settings.secretsBucket().value())),
                        settings.localVersions()),
                new LocalBlobStore(settings.root().resolve(Names.check("keys_bucket", settings.keysBucket().value()))),
                true); // local profiles of several tiers often keep their keys in one folder
        this.root = settings.root();
        this.passphrases = passphrases;
        this.masterKeyName = Names.check("master key name", settings.masterKey().value());
        this.protectionRequiredBy = settings.masterKeyProtected().value() ? "master_key_protected = true (from "
                + settings.masterKeyProtected().from() + ")" : null;
    }

    /** The {@code local_root} folder that holds the buckets and the master key files. */
    public Path root() {
        return root;
    }

    public Path masterKeyFile() {
        return LocalMasterKeyFile.pathFor(root, masterKeyName);
    }

    /** How many data key versions ({@code NAME/N}) the keys folder holds: all wrapped by some master key. */
    public int storedKeyVersions() {
        return (int) keys().list("").stream().filter(k -> k.matches("[^/]+/\\d+")).count();
    }

    @Override
    public synchronized String writer() {
        if (writer == null) {
            writer = sanitize(System.getProperty("user.name", "unknown")) + "@" + sanitize(hostName());
        }
        return writer;
    }

    private static String hostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                return Files.readString(kernel).trim();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Printable ASCII only, as metadata lines and S3 headers need. */
    private static String sanitize(String value) {
        String clean = value.replaceAll("[^\\x21-\\x7e]", "_");
        return clean.isEmpty() ? "unknown" : clean;
    }

    @Override
    public synchronized MasterKey masterKey() {
        if (masterKey == null) {
            masterKey = LocalMasterKeyFile.open(masterKeyFile(), passphrases, protectionRequiredBy);
        }
        return masterKey;
    }

    @Override
    public String masterKeyName() {
        return masterKeyName;
    }

    /** Another key file under {@code local_root/master-keys}, kept open (and wiped) with this backend. */
    @Override
    public synchronized MasterKey masterKey(String name) {
        if (Names.check("master key name", name).equals(masterKeyName)) {
            return masterKey();
        }
        return otherKeys.computeIfAbsent(name, n -> LocalMasterKeyFile.open(LocalMasterKeyFile.pathFor(root, n),
                passphrases, null));
    }

    @Override
    public synchronized void close() {
        if (masterKey != null) {
            masterKey.close();
            masterKey = null;
        }
        otherKeys.values().forEach(LocalMasterKey::close);
        otherKeys.clear();
    }
}
