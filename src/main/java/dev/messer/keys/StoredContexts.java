package dev.messer.keys;

import dev.messer.crypto.EncryptionContext;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import java.util.Optional;

/**
 * The encryption contexts kept with key versions, as {@value KeyRing#CONTEXT_METADATA} metadata of
 * their objects: reading one, and whether a lower version of a key has one. What they must hold is
 * {@link KeyTrust}'s to say.
 */
final class StoredContexts {

    private final BlobStore store;
    private final KeyNumbers numbers;

    StoredContexts(BlobStore store, KeyNumbers numbers) {
        this.store = store;
        this.numbers = numbers;
    }

    /** The context stored with a version's object; empty for Messer's. */
    EncryptionContext of(KeyRef ref, Blob blob) {
        String stored = blob.metadata().get(KeyRing.CONTEXT_METADATA);
        try {
            return stored == null ? EncryptionContext.empty() : EncryptionContext.fromMetadataValue(stored);
        } catch (InvalidInputException e) {
            throw new IntegrityException("key object " + ref.objectKey() + " in " + store.describe()
                    + " has damaged " + KeyRing.CONTEXT_METADATA + " metadata; restore it from a backup");
        }
    }

    /** Whether a version of {@code ref}'s key numbered below it has a context. */
    boolean boundVersionBelow(KeyRef ref) {
        for (int version : numbers.versions(ref.name())) {
            if (version >= ref.version()) {
                break;
            }
            KeyRef lower = new KeyRef(ref.name(), version);
            Optional<Blob> blob = store.get(lower.objectKey());
            if (blob.isPresent() && !of(lower, blob.get()).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
