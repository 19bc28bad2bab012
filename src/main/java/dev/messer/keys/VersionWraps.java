package dev.messer.keys;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.ConflictException;
import dev.messer.error.Hint;
import dev.messer.error.IntegrityException;
import dev.messer.masterkey.MasterKey;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.BlobVersion;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;

/**
 * The master key wrap of stored versions, for moving them to another master key: read what a
 * version records, unwrap it with the key it names, and replace its wrap. The data key and the
 * context stay; only the wrap, the master key name and (when missing) the creation time change.
 * A new wrap is unwrapped and compared with the key before it replaces the old one, and it replaces
 * it only by a conditional write on the entity tag that was read ({@link BlobStore#putIfMatch}), so
 * a version always holds a wrap that works, whoever else writes at the same time.
 */
public final class VersionWraps {

    private final KeyRing ring;
    private final BlobStore store;

    public VersionWraps(KeyRing ring) {
        this.ring = ring;
        this.store = ring.store();
    }

    /**
     * A stored version as read: its object, context, and the master key it records (null: the
     * profile's own, as for Messer's versions).
     */
    public record Stored(KeyRef ref, Blob blob, EncryptionContext context, String masterKey) {

        /** Whether the version records {@code name} as its master key. */
        public boolean wrappedBy(String name) {
            return name.equals(masterKey);
        }

        @Override
        public String toString() {
            return "Stored[" + ref + ", " + masterKey + "]";
        }
    }

    /**
     * Reads a version without unwrapping it, refusing what the profile's trust refuses to read.
     *
     * @return empty when the version does not exist (deleted meanwhile)
     */
    public Optional<Stored> stored(KeyRef ref) {
        return store.get(ref.objectKey()).map(blob -> {
            EncryptionContext context = ring.contexts().of(ref, blob);
            ring.trust().checkReadable(ref, context, store.describe());
            return new Stored(ref, blob, context, VersionMetadata.masterKey(ref, blob, store.describe()));
        });
    }

    /** Unwraps with the master key the version records; the caller owns the key. */
    public DataKey unwrap(Stored version) {
        try {
            return ring.masterKeys().named(version.masterKey()).unwrap(version.blob().content(), version.context());
        } catch (IntegrityException e) {
            throw new IntegrityException("encryption key " + version.ref() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Wraps {@code key} under the master key {@code target}, checks the new wrap by unwrapping it,
     * and replaces the version's object only if it is still the one {@code version} read.
     *
     * @throws ConflictException when another writer changed the version meanwhile (nothing was written)
     */
    public void replace(Stored version, DataKey key, String target) {
        String created = VersionMetadata.created(version.blob());
        replace(version, key, version.context(), target, created != null ? created : firstWritten(version.ref()));
    }

    /**
     * Replaces the data key a version holds with {@code key} (another region's copy of that version,
     * under its {@code context}), wrapped by this ring's own master key, checked and conditional as
     * {@link #replace(Stored, DataKey, String)}: what {@code bulk sync} does to a version that holds
     * another key than the home region's.
     */
    public void replaceKey(Stored version, DataKey key, EncryptionContext context) {
        replace(version, key, context, ring.masterKeys().currentName(), VersionMetadata.now());
    }

    private void replace(Stored version, DataKey key, EncryptionContext context, String target, String created) {
        MasterKey targetKey = ring.masterKeys().named(target);
        byte[] wrapped = targetKey.wrap(key, context);
        try (DataKey check = targetKey.unwrap(wrapped, context)) {
            if (!check.sameAs(key)) {
                throw new IntegrityException("the new wrap of encryption key " + version.ref() + " under "
                        + targetKey.describe() + " does not unwrap to the same key; the version was left as it was");
            }
        }
        try {
            store.putIfMatch(version.ref().objectKey(), wrapped, VersionMetadata.of(context, target, created),
                    version.blob().etag());
        } catch (ConflictException e) {
            throw new ConflictException("encryption key " + version.ref() + " changed in " + store.describe()
                    + " while it was re-wrapped; nothing was replaced", Hint.of("run the command again"));
        }
    }

    /** When the store first kept the version's object (Messer's versions record no creation time). */
    private String firstWritten(KeyRef ref) {
        Instant first = store.versions(ref.objectKey()).versions().stream().filter(v -> !v.deleted())
                .map(BlobVersion::time).min(Comparator.naturalOrder()).orElse(Instant.now());
        return first.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
