package dev.messer.keys;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.Hint;
import dev.messer.error.IntegrityException;
import dev.messer.error.NotFoundException;
import dev.messer.masterkey.MasterKey;
import dev.messer.masterkey.MasterKeys;
import dev.messer.names.Names;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.StoreNotices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The versioned data keys in the keys bucket: {@code <name>/} marker and {@code <name>/<version>}
 * objects holding the wrapped key. New versions are bound to an encryption context made of the
 * configured pairs plus {@code messer:key_name}, {@code messer:key_version} and, when the profile
 * has a tier, {@code messer:tier}; the pairs are kept in the object's metadata so that unwrapping
 * reproduces them. Objects without that metadata (as Adobe's Messer writes them) unwrap with no
 * context. Which stored versions a profile reads and writes with is its {@link KeyTrust}.
 *
 * <p>Deleted version numbers are never reused: deleting leaves a tombstone under
 * {@value #TOMBSTONES}, outside every {@code <name>/} prefix (Messer lists those), and a deleted
 * version is reported as deleted. Version numbers and tombstones that messer never writes are
 * refused as tampering (see {@link KeyNumbers}).
 *
 * <p>As {@link DataKeys}, the ring fetches and unwraps on every call and also wipes what it handed out
 * on {@link #close()}; {@link CachingDataKeys} unwraps each version once.
 */
public final class KeyRing implements DataKeys {

    public static final String CONTEXT_METADATA = "messer-encryption-context";
    public static final String CONTEXT_KEY_NAME = "messer:key_name";
    public static final String CONTEXT_KEY_VERSION = "messer:key_version";
    /** Tombstones: {@code !deleted/<name>/<version>}; '!' cannot start a key name, so no key owns this prefix. */
    public static final String TOMBSTONES = "!deleted/";
    public static final String CONTEXT_TIER = "messer:tier";
    /** Metadata naming the master key that wrapped a version (absent: the profile's own, as Messer has it). */
    public static final String MASTER_KEY_METADATA = "messer-master-key";
    /** Metadata holding when a version was first created (ISO-8601 UTC); a re-wrap keeps it. */
    public static final String CREATED_METADATA = "messer-created";

    private final BlobStore store;
    private final MasterKeys masterKeys;
    private final NewVersionWraps secondWraps;
    private final KeyTrust trust;
    private final StoreNotices notices;
    private final KeyNumbers numbers;
    private final StoredContexts contexts;
    private final MasterKeyRule masterKeyRule;
    private final List<DataKey> handedOut = new ArrayList<>();
    private boolean closed;

    /**
     * @param masterKey resolved only when a key is created or unwrapped (listing needs none)
     * @param trust     which stored versions this profile reads and writes with, and the context of new ones
     * @param notices   hears about names in the bucket that break the naming rule
     */
    public KeyRing(BlobStore store, Supplier<MasterKey> masterKey, KeyTrust trust, StoreNotices notices) {
        this(store, MasterKeys.only(masterKey), trust, notices, NewVersionWraps.NONE);
    }

    /**
     * @param masterKeys  the profile's master key, and the others that versions record by name
     * @param secondWraps the second wrap every new version gets (the recovery wrap), or {@link NewVersionWraps#NONE}
     */
    public KeyRing(BlobStore store, MasterKeys masterKeys, KeyTrust trust, StoreNotices notices,
                   NewVersionWraps secondWraps) {
        this.store = store;
        this.masterKeys = masterKeys;
        this.secondWraps = secondWraps;
        this.trust = trust;
        this.notices = notices;
        this.numbers = new KeyNumbers(store);
        this.contexts = new StoredContexts(store, numbers);
        this.masterKeyRule = new MasterKeyRule(store, numbers, masterKeys);
    }

    /** Writes version 0 of a new key, or the number above every deleted version of a key deleted before. */
    public KeyRef create(String name) {
        Names.check("key name", name);
        List<Integer> before = numbers.versions(name);
        if (!before.isEmpty()) {
            throw new AlreadyExistsException("encryption key " + name + " already exists in " + store.describe(),
                    Hint.of("add a version with {}", Hint.command("encryption increment", name)));
        }
        KeyRef ref = new KeyRef(name, numbers.next(name, before));
        try {
            writeVersion(ref);
        } catch (AlreadyExistsException raced) {
            ensureMarker(name); // the key exists either way: it keeps its folder marker
            throw raced;
        }
        ensureMarker(name);
        numbers.requireLatest(ref, before);
        return ref;
    }

    /**
     * Writes the next version: above the latest and above every deleted one, so that a number is
     * never used twice. Two concurrent increments cannot both take the same number. Afterwards the
     * new version must be listed above every version that was there before, or the command fails.
     */
    public KeyRef increment(String name) {
        latest(name);
        List<Integer> before = numbers.versions(name);
        KeyRef ref = new KeyRef(name, numbers.next(name, before));
        writeVersion(ref);
        numbers.requireLatest(ref, before);
        return ref;
    }

    /** The number {@link #increment} would give the next version of {@code name} now. */
    public int nextVersion(String name) {
        Names.check("key name", name);
        return numbers.next(name, numbers.versions(name));
    }

    /**
     * Asks the master key for one data key and discards it: proves that keys can be written here
     * before a command that would otherwise write (bulk copy) writes anything.
     */
    public void probeMasterKey() {
        masterKeys.current().generateWrappedDataKey(EncryptionContext.of(Map.of("messer:probe", "write")));
    }

    /** Key names present in the bucket, sorted; names that break the naming rule are left out and reported. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        TreeSet<String> invalid = new TreeSet<>();
        for (String key : store.list("")) {
            int slash = key.indexOf('/');
            if (slash > 0 && !key.startsWith("!")) { // '!' starts the tombstones and recovery objects, never a key
                String name = key.substring(0, slash);
                (Names.isValid(name) ? names : invalid).add(name);
            }
        }
        invalid.forEach(name -> notices.invalidName("key name", Names.escaped(name), store.describe()));
        return new ArrayList<>(names);
    }

    /** The versions of {@code name} in ascending order; empty if the key does not exist. */
    public List<Integer> versions(String name) {
        Names.check("key name", name);
        return numbers.versions(name);
    }

    public int latest(String name) {
        List<Integer> versions = versions(name);
        if (versions.isEmpty()) {
            throw new NotFoundException("encryption key " + name + " does not exist in " + store.describe(),
                    Hint.of("create it with {}", Hint.command("encryption create", name)));
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
            KeyRef ref = new KeyRef(name, version);
            numbers.retire(ref);
            deleted.add(ref);
        }
        store.delete(name + "/");
        return deleted;
    }

    public void deleteVersion(KeyRef ref) {
        if (!exists(ref)) {
            throw new NotFoundException("encryption key " + ref + " does not exist in " + store.describe(),
                    Hint.of("see {}", Hint.command("encryption list", ref.name())));
        }
        numbers.retire(ref);
    }

    /**
     * Stores {@code key} as version {@code ref}, wrapped by this ring's master key under
     * {@code context}, the context of the version it copies (another region's copy of that version).
     *
     * @throws AlreadyExistsException if the version is there already (nothing is written)
     */
    public void importVersion(KeyRef ref, DataKey key, EncryptionContext context) {
        Names.check("key name", ref.name());
        boolean secondWrap = secondWraps.prepare();
        byte[] wrapped = masterKeys.current().wrap(key, context);
        store.putIfAbsent(ref.objectKey(), wrapped, VersionMetadata.of(context, masterKeys.currentName(), VersionMetadata.now()));
        ensureMarker(ref.name());
        if (secondWrap) {
            secondWraps.wrap(ref, key);
        }
    }

    /** Retires {@code ref} as {@link #deleteVersion} does, whether or not this bucket holds it (a copy of a deletion). */
    public void markDeleted(KeyRef ref) {
        Names.check("key name", ref.name());
        numbers.retire(ref);
    }

    /** Every deleted version, by key name (from the tombstones); names that break the naming rule are left out. */
    public java.util.SortedMap<String, java.util.SortedSet<Integer>> deletedVersions() {
        return numbers.deletedVersions();
    }

    /** Fetches and unwraps one version; the ring wipes it on {@link #close()}. */
    @Override
    public DataKey forReading(KeyRef ref) {
        return handOut(unwrap(ref).key());
    }

    /** As {@link #forReading}, refusing a version this profile must not write with. */
    @Override
    public DataKey forWriting(KeyRef ref) {
        Unwrapped unwrapped = unwrap(ref);
        try {
            checkWritable(ref, unwrapped);
        } catch (RuntimeException refused) {
            unwrapped.key().close();
            throw refused;
        }
        return handOut(unwrapped.key());
    }

    /** Wipes every key this ring handed out through {@link DataKeys}. */
    @Override
    public void close() {
        synchronized (handedOut) {
            closed = true;
            handedOut.forEach(DataKey::close);
            handedOut.clear();
        }
    }

    private DataKey handOut(DataKey key) {
        synchronized (handedOut) {
            if (closed) {
                key.close();
                throw new IllegalStateException("key ring used after close");
            }
            handedOut.add(key);
        }
        return key;
    }

    /**
     * Fetches and unwraps one version, refusing what {@link KeyTrust#checkReadable} and
     * {@link MasterKeyRule#checkReadable} refuse. The caller owns the key.
     */
    Unwrapped unwrap(KeyRef ref) {
        Names.check("key name", ref.name());
        Blob blob = store.get(ref.objectKey()).orElseThrow(() -> numbers.missing(ref));
        EncryptionContext context = contexts.of(ref, blob);
        trust.checkReadable(ref, context, store.describe());
        String other = masterKeyRule.other(ref, blob);
        masterKeyRule.checkReadable(ref, other);
        try {
            MasterKey wrappedBy = masterKeys.named(VersionMetadata.masterKey(ref, blob, store.describe()));
            return new Unwrapped(wrappedBy.unwrap(blob.content(), context), context, other);
        } catch (IntegrityException e) {
            throw new IntegrityException("encryption key " + ref + " (" + ref.objectKey() + " in " + store.describe()
                    + "): " + e.getMessage(), e);
        }
    }

    /** The write rules for {@code ref}, from the stored object, without unwrapping (planning). */
    public void checkWritable(KeyRef ref) {
        Names.check("key name", ref.name());
        Blob blob = store.get(ref.objectKey()).orElseThrow(() -> numbers.missing(ref));
        checkWritable(ref, new Unwrapped(null, contexts.of(ref, blob), masterKeyRule.other(ref, blob)));
    }

    /** {@link KeyTrust}'s and {@link MasterKeyRule}'s write rules for a version as {@link #unwrap} found it. */
    void checkWritable(KeyRef ref, Unwrapped version) {
        masterKeyRule.checkWritable(ref, version.otherMasterKey());
        trust.checkWritable(ref, version.context(), () -> contexts.boundVersionBelow(ref));
    }

    /**
     * The context stored with a version, without unwrapping it: empty for a context-less version,
     * absent when there is no such version.
     *
     * @throws IntegrityException if its context metadata is damaged
     */
    public Optional<EncryptionContext> storedContext(KeyRef ref) {
        Names.check("key name", ref.name());
        return store.get(ref.objectKey()).map(blob -> contexts.of(ref, blob));
    }

    BlobStore store() {
        return store;
    }

    MasterKeys masterKeys() {
        return masterKeys;
    }

    StoredContexts contexts() {
        return contexts;
    }

    KeyTrust trust() {
        return trust;
    }

    private void writeVersion(KeyRef ref) {
        EncryptionContext context = trust.forNewVersion(ref);
        boolean secondWrap = secondWraps.prepare();
        MasterKey current = masterKeys.current();
        byte[] wrapped = current.generateWrappedDataKey(context);
        try {
            store.putIfAbsent(ref.objectKey(), wrapped, VersionMetadata.of(context, masterKeys.currentName(), VersionMetadata.now()));
        } catch (AlreadyExistsException e) {
            throw new AlreadyExistsException("encryption key " + ref + " already exists in " + store.describe()
                    + " (another writer created it); run the command again");
        }
        if (secondWrap) {
            try (DataKey key = current.unwrap(wrapped, context)) {
                secondWraps.wrap(ref, key);
            }
        }
    }

    private void ensureMarker(String name) {
        if (store.get(name + "/").isEmpty()) {
            store.put(name + "/", new byte[0], Map.of());
        }
    }
}
