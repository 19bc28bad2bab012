package dev.messer.keys;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.error.Hint;
import dev.messer.error.IntegrityException;
import dev.messer.error.NotFoundException;
import dev.messer.masterkey.MasterKey;
import dev.messer.names.Names;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.StoreNotices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The versioned data keys in the keys bucket: {@code <name>/} marker and {@code <name>/<version>}
 * objects holding the wrapped key. New versions are bound to an encryption context made of the
 * configured pairs plus {@code messer:key_name}, {@code messer:key_version} and, when the profile
 * has a tier, {@code messer:tier}; the pairs are kept in the object's metadata so that unwrapping
 * reproduces them. A stored {@code messer:tier} must be the profile's tier. Objects without that
 * metadata (as Adobe's Messer writes them) unwrap with no context.
 *
 * <p>Trust rules. A stored context must contain every configured pair, or the version is refused.
 * A profile that writes bound items (item format 2) never writes with a context-less version: a
 * context-less version is what someone who can write the keys bucket would plant to roll a key
 * back (see {@link StoredContexts}). Deleted version numbers are never reused: deleting leaves a
 * tombstone under {@value #TOMBSTONES}, outside every {@code <name>/} prefix (Messer lists those),
 * and a deleted version is reported as deleted. Version numbers and tombstones that messer never
 * writes are refused as tampering (see {@link KeyNumbers}).
 */
public final class KeyRing {

    public static final String CONTEXT_METADATA = "messer-encryption-context";
    public static final String CONTEXT_KEY_NAME = "messer:key_name";
    public static final String CONTEXT_KEY_VERSION = "messer:key_version";
    /** Tombstones: {@code !deleted/<name>/<version>}; '!' cannot start a key name, so no key owns this prefix. */
    public static final String TOMBSTONES = "!deleted/";
    public static final String CONTEXT_TIER = "messer:tier";

    private final BlobStore store;
    private final Supplier<MasterKey> masterKey;
    private final String tier;
    private final boolean checkTier;
    private final boolean readContextless;
    private final StoreNotices notices;
    private final KeyNumbers numbers;
    private final StoredContexts contexts;

    /** A key ring for a profile without a tier. */
    public KeyRing(BlobStore store, Supplier<MasterKey> masterKey, EncryptionContext configuredContext,
                   boolean bindContext) {
        this(store, masterKey, configuredContext, "", false, bindContext);
    }

    /**
     * @param masterKey    resolved only when a key is created or unwrapped (listing needs none)
     * @param tier         the profile's tier, put in the context of new versions as {@code messer:tier}
     *                     (not when empty)
     * @param checkTier    whether a stored {@code messer:tier} must equal {@code tier}: true where each
     *                     tier has its own keys bucket (aws); false where tiers may share one (local)
     * @param bindContext  false for {@code item_format = 1}: keys Python Messer can unwrap, with no context
     */
    public KeyRing(BlobStore store, Supplier<MasterKey> masterKey, EncryptionContext configuredContext, String tier,
                   boolean checkTier, boolean bindContext) {
        this(store, masterKey, configuredContext, tier, checkTier, bindContext, true, StoreNotices.NONE);
    }

    /** A key ring for a profile without a tier, with the trust switches. */
    public KeyRing(BlobStore store, Supplier<MasterKey> masterKey, EncryptionContext configuredContext,
                   boolean bindContext, boolean readContextless, StoreNotices notices) {
        this(store, masterKey, configuredContext, "", false, bindContext, readContextless, notices);
    }

    /**
     * @param readContextless false for {@code min_item_format = 2}: versions without a context are refused
     * @param notices         hears about names in the bucket that break the naming rule
     */
    public KeyRing(BlobStore store, Supplier<MasterKey> masterKey, EncryptionContext configuredContext, String tier,
                   boolean checkTier, boolean bindContext, boolean readContextless, StoreNotices notices) {
        this.store = store;
        this.masterKey = masterKey;
        this.tier = tier;
        this.checkTier = checkTier;
        this.readContextless = readContextless;
        this.notices = notices;
        this.numbers = new KeyNumbers(store);
        this.contexts = new StoredContexts(store, numbers, configuredContext, tier, bindContext);
    }

    /** An unwrapped data key with the context its stored version carries (empty for Messer's). */
    public record Unwrapped(DataKey key, EncryptionContext context) {
        @Override
        public String toString() {
            return "Unwrapped[" + context + "]";
        }
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

    /** Whether a tombstone says this version was deleted. */
    public boolean wasDeleted(KeyRef ref) {
        Names.check("key name", ref.name());
        return numbers.wasDeleted(ref);
    }

    /** Adds a version whose number does not exist yet, creating the key if needed (bulk copy and rotation). */
    public KeyRef ensureVersion(KeyRef ref) {
        Names.check("key name", ref.name());
        if (store.get(ref.objectKey()).isPresent()) {
            return ref;
        }
        if (numbers.wasDeleted(ref)) {
            throw new ConflictException("encryption key " + ref + " was deleted and its number is never reused",
                    Hint.of("use {} for a new version", Hint.command("encryption increment", ref.name())));
        }
        try {
            writeVersion(ref);
        } catch (AlreadyExistsException raced) {
            // another writer made it first: use theirs
        }
        ensureMarker(ref.name());
        return ref;
    }

    /**
     * Asks the master key for one data key and discards it: proves that keys can be written here
     * before a command that would otherwise write (bulk copy) writes anything.
     */
    public void probeMasterKey() {
        masterKey.get().generateWrappedDataKey(EncryptionContext.of(Map.of("messer:probe", "write")));
    }

    /** Key names present in the bucket, sorted; names that break the naming rule are left out and reported. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        TreeSet<String> invalid = new TreeSet<>();
        for (String key : store.list("")) {
            int slash = key.indexOf('/');
            if (slash > 0 && !key.startsWith(TOMBSTONES)) {
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
            numbers.writeTombstone(ref);
            store.delete(ref.objectKey());
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
        numbers.writeTombstone(ref);
        store.delete(ref.objectKey());
    }

    /** Fetches and unwraps one version. The caller owns the key; prefer {@link DataKeyCache}. */
    public DataKey unwrap(KeyRef ref) {
        return unwrapWithContext(ref).key();
    }

    /**
     * Fetches and unwraps one version, refusing a stored context that lacks a configured pair, and
     * a context-less version when {@code min_item_format} is 2 or more. The caller owns the key.
     */
    public Unwrapped unwrapWithContext(KeyRef ref) {
        Names.check("key name", ref.name());
        Blob blob = store.get(ref.objectKey()).orElseThrow(() -> missing(ref));
        EncryptionContext context = contexts.of(ref, blob);
        if (!context.isEmpty() && !(ref.name().equals(context.asMap().get(CONTEXT_KEY_NAME))
                && String.valueOf(ref.version()).equals(context.asMap().get(CONTEXT_KEY_VERSION)))) {
            throw new IntegrityException("key object " + ref.objectKey() + " in " + store.describe()
                    + " carries the context of another key: it was moved or relabelled");
        }
        String storedTier = context.asMap().get(CONTEXT_TIER);
        if (checkTier && storedTier != null && !storedTier.equals(tier)) {
            throw new IntegrityException("key object " + ref.objectKey() + " in " + store.describe()
                    + " belongs to tier '" + storedTier + "', not to this profile's tier '" + tier
                    + "': it was copied from another tier's keys bucket; restore it from a backup");
        }
        if (context.isEmpty() && !readContextless) {
            throw new IntegrityException("encryption key " + ref + " (" + ref.objectKey() + " in " + store.describe()
                    + ") has no encryption context, which min_item_format = 2 refuses", Hint.of("re-encrypt its items "
                    + "with {} under min_item_format = 1 first", Hint.command("bulk re-encrypt")));
        }
        contexts.requireConfiguredPairs(ref, context);
        try {
            return new Unwrapped(masterKey.get().unwrap(blob.content(), context), context);
        } catch (IntegrityException e) {
            throw new IntegrityException("encryption key " + ref + " (" + ref.objectKey() + " in " + store.describe()
                    + "): " + e.getMessage(), e);
        }
    }

    /** {@link #checkWritable(KeyRef, EncryptionContext)} from the stored object, without unwrapping (planning). */
    public void checkWritable(KeyRef ref) {
        Names.check("key name", ref.name());
        Blob blob = store.get(ref.objectKey()).orElseThrow(() -> missing(ref));
        checkWritable(ref, contexts.of(ref, blob));
    }

    /**
     * Refuses to write with a version whose stored context is empty when this profile writes bound
     * items: as latest, as an explicit version, or as a bulk target.
     *
     * @param context the context stored with {@code ref} (from {@link #unwrapWithContext})
     */
    public void checkWritable(KeyRef ref, EncryptionContext context) {
        contexts.checkWritable(ref, context);
    }

    /**
     * Context-less versions numbered above a version that has a context: what a rollback looks like.
     * Reads every version's object (for doctor).
     */
    public List<KeyRef> rollbackSuspects() {
        return contexts.rollbackSuspects(names());
    }

    /**
     * The versions of every key whose stored context has no {@code messer:tier}: those written
     * before the tier was part of the context, under {@code item_format = 1}, or by Messer. Empty
     * when the profile has no tier. Reads the metadata of every version.
     */
    public List<KeyRef> versionsWithoutTier() {
        return tier.isEmpty() ? new ArrayList<>() : contexts.versionsWithoutTier(names());
    }

    private NotFoundException missing(KeyRef ref) {
        String tombstone = KeyNumbers.tombstoneKey(ref);
        if (store.get(tombstone).isPresent()) {
            return new NotFoundException("encryption key " + ref + " was deleted (" + tombstone + " in "
                    + store.describe() + "), so what it sealed cannot be decrypted; restore the item from a backup");
        }
        return new NotFoundException("encryption key " + ref + " does not exist in " + store.describe(),
                Hint.of("see {}", Hint.command("encryption list", ref.name())));
    }

    private void writeVersion(KeyRef ref) {
        EncryptionContext context = contexts.forNewVersion(ref);
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

    private void ensureMarker(String name) {
        if (store.get(name + "/").isEmpty()) {
            store.put(name + "/", new byte[0], Map.of());
        }
    }
}
