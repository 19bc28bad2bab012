package dev.messer.keys;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.error.NotFoundException;
import dev.messer.masterkey.MasterKey;
import dev.messer.names.Names;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The versioned data keys in the keys bucket: {@code <name>/} marker and {@code <name>/<version>}
 * objects holding the wrapped key. New versions are bound to an encryption context made of the
 * configured pairs plus {@code messer:key_name} and {@code messer:key_version}; the pairs are kept
 * in the object's metadata so that unwrapping reproduces them. Objects without that metadata (as
 * Adobe's Messer writes them) unwrap with no context.
 */
public final class KeyRing {

    public static final String CONTEXT_METADATA = "messer-encryption-context";
    public static final String CONTEXT_KEY_NAME = "messer:key_name";
    public static final String CONTEXT_KEY_VERSION = "messer:key_version";

    private final BlobStore store;
    private final Supplier<MasterKey> masterKey;
    private final EncryptionContext configuredContext;
    private final boolean bindContext;

    /**
     * @param masterKey    resolved only when a key is created or unwrapped (listing needs none)
     * @param bindContext  false for {@code item_format = 1}: keys Python Messer can unwrap, with no context
     */
    public KeyRing(BlobStore store, Supplier<MasterKey> masterKey, EncryptionContext configuredContext,
                   boolean bindContext) {
        this.store = store;
        this.masterKey = masterKey;
        this.configuredContext = configuredContext;
        this.bindContext = bindContext;
    }

    /** Writes version 0 of a new key. */
    public KeyRef create(String name) {
        Names.check("key name", name);
        if (!versions(name).isEmpty()) {
            throw new AlreadyExistsException("encryption key " + name + " already exists in " + store.describe()
                    + "; add a version with 'messer encryption increment <provider> " + name + "'");
        }
        KeyRef ref = new KeyRef(name, 0);
        writeVersion(ref);
        ensureMarker(name);
        return ref;
    }

    /** Writes version latest+1; two concurrent increments cannot both take the same number. */
    public KeyRef increment(String name) {
        Names.check("key name", name);
        int latest = latest(name);
        KeyRef ref = new KeyRef(name, latest + 1);
        writeVersion(ref);
        return ref;
    }

    /** Adds a version whose number does not exist yet, creating the key if needed (bulk copy and rotation). */
    public KeyRef ensureVersion(KeyRef ref) {
        Names.check("key name", ref.name());
        if (store.get(ref.objectKey()).isPresent()) {
            return ref;
        }
        try {
            writeVersion(ref);
        } catch (AlreadyExistsException raced) {
            // another writer made it first: use theirs
        }
        ensureMarker(ref.name());
        return ref;
    }

    /** Key names present in the bucket, sorted. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        for (String key : store.list("")) {
            int slash = key.indexOf('/');
            if (slash > 0) {
                names.add(key.substring(0, slash));
            }
        }
        return new ArrayList<>(names);
    }

    /** The versions of {@code name} in ascending order; empty if the key does not exist. */
    public List<Integer> versions(String name) {
        Names.check("key name", name);
        TreeSet<Integer> versions = new TreeSet<>();
        String prefix = name + "/";
        for (String key : store.list(prefix)) {
            String rest = key.substring(prefix.length());
            if (rest.isEmpty()) {
                continue;
            }
            try {
                versions.add(Integer.parseInt(rest));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("unexpected object " + key + " in " + store.describe()
                        + ": key versions must be integers");
            }
        }
        return new ArrayList<>(versions);
    }

    public int latest(String name) {
        List<Integer> versions = versions(name);
        if (versions.isEmpty()) {
            throw new NotFoundException("encryption key " + name + " does not exist in " + store.describe()
                    + "; create it with 'messer encryption create <provider> " + name + "'");
        }
        return versions.get(versions.size() - 1);
    }

    public boolean exists(KeyRef ref) {
        Names.check("key name", ref.name());
        return store.get(ref.objectKey()).isPresent();
    }

    /** Deletes every version and the marker. */
    public List<KeyRef> deleteKey(String name) {
        List<Integer> versions = versions(name);
        if (versions.isEmpty() && store.get(name + "/").isEmpty()) {
            throw new NotFoundException("encryption key " + name + " does not exist in " + store.describe());
        }
        List<KeyRef> deleted = new ArrayList<>();
        for (int version : versions) {
            store.delete(name + "/" + version);
            deleted.add(new KeyRef(name, version));
        }
        store.delete(name + "/");
        return deleted;
    }

    public void deleteVersion(KeyRef ref) {
        if (!exists(ref)) {
            throw new NotFoundException("encryption key " + ref + " does not exist in " + store.describe()
                    + "; see 'messer encryption list <provider> " + ref.name() + "'");
        }
        store.delete(ref.objectKey());
    }

    /** Fetches and unwraps one version. The caller owns the key; prefer {@link DataKeyCache}. */
    public DataKey unwrap(KeyRef ref) {
        Names.check("key name", ref.name());
        Blob blob = store.get(ref.objectKey()).orElseThrow(() -> new NotFoundException("encryption key "
                + ref + " does not exist in " + store.describe() + "; see 'messer encryption list <provider> " + ref.name() + "'"));
        String stored = blob.metadata().get(CONTEXT_METADATA);
        EncryptionContext context;
        try {
            context = stored == null ? EncryptionContext.empty() : EncryptionContext.fromMetadataValue(stored);
        } catch (InvalidInputException e) {
            throw new IntegrityException("key object " + ref.objectKey() + " in " + store.describe()
                    + " has damaged " + CONTEXT_METADATA + " metadata; restore it from a backup");
        }
        if (!context.isEmpty() && !(ref.name().equals(context.asMap().get(CONTEXT_KEY_NAME))
                && String.valueOf(ref.version()).equals(context.asMap().get(CONTEXT_KEY_VERSION)))) {
            throw new IntegrityException("key object " + ref.objectKey() + " in " + store.describe()
                    + " carries the context of another key: it was moved or relabelled");
        }
        try {
            return masterKey.get().unwrap(blob.content(), context);
        } catch (IntegrityException e) {
            throw new IntegrityException("encryption key " + ref + " (" + ref.objectKey() + " in " + store.describe()
                    + "): " + e.getMessage(), e);
        }
    }

    private void writeVersion(KeyRef ref) {
        EncryptionContext context = contextFor(ref);
        byte[] wrapped = masterKey.get().generateWrappedDataKey(context);
        Map<String, String> metadata = context.isEmpty() ? Map.of()
                : Map.of(CONTEXT_METADATA, context.toMetadataValue());
        try {
            store.putIfAbsent(ref.objectKey(), wrapped, metadata);
        } catch (AlreadyExistsException e) {
            throw new AlreadyExistsException("encryption key " + ref + " already exists in " + store.describe()
                    + " (another writer created it); run the command again");
        }
    }

    private EncryptionContext contextFor(KeyRef ref) {
        if (!bindContext) {
            return EncryptionContext.empty();
        }
        return configuredContext.with(CONTEXT_KEY_NAME, ref.name())
                .with(CONTEXT_KEY_VERSION, String.valueOf(ref.version()));
    }

    private void ensureMarker(String name) {
        if (store.get(name + "/").isEmpty()) {
            store.put(name + "/", new byte[0], Map.of());
        }
    }
}
