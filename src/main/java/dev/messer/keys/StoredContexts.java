package dev.messer.keys;

import dev.messer.crypto.EncryptionContext;
import dev.messer.error.ConflictException;
import dev.messer.error.Hint;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The encryption contexts kept with key versions, and the trust rules about them: which context a
 * new version gets, which configured pairs a stored one must hold, and which versions a profile
 * that writes bound items must not write with.
 */
final class StoredContexts {

    private final BlobStore store;
    private final KeyNumbers numbers;
    private final EncryptionContext configuredContext;
    private final String tier;
    private final boolean bindContext;

    StoredContexts(BlobStore store, KeyNumbers numbers, EncryptionContext configuredContext, String tier,
                   boolean bindContext) {
        this.store = store;
        this.numbers = numbers;
        this.configuredContext = configuredContext;
        this.tier = tier;
        this.bindContext = bindContext;
    }

    /** The context a new version gets: none for {@code item_format = 1}. */
    EncryptionContext forNewVersion(KeyRef ref) {
        if (!bindContext) {
            return EncryptionContext.empty();
        }
        EncryptionContext context = configuredContext.with(KeyRing.CONTEXT_KEY_NAME, ref.name())
                .with(KeyRing.CONTEXT_KEY_VERSION, String.valueOf(ref.version()));
        return tier.isEmpty() ? context : context.with(KeyRing.CONTEXT_TIER, tier);
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

    void requireConfiguredPairs(KeyRef ref, EncryptionContext context) {
        if (context.isEmpty()) {
            return;
        }
        for (Map.Entry<String, String> pair : configuredContext.asMap().entrySet()) {
            String stored = context.asMap().get(pair.getKey());
            if (!pair.getValue().equals(stored)) {
                throw new IntegrityException("encryption key " + ref + " (" + ref.objectKey() + " in " + store.describe()
                        + ") is bound to " + (stored == null ? "no " + pair.getKey() : pair.getKey() + "=" + stored)
                        + ", but encryption_context requires " + pair.getKey() + "=" + pair.getValue()
                        + "; use the profile this key belongs to, or correct encryption_context");
            }
        }
    }

    /** See {@link KeyRing#checkWritable(KeyRef, EncryptionContext)}. */
    void checkWritable(KeyRef ref, EncryptionContext context) {
        if (!bindContext || !context.isEmpty()) {
            return;
        }
        if (boundVersionBelow(ref)) {
            throw new IntegrityException("encryption key " + ref + " has no encryption context although a lower "
                    + "version has one, so it may have been planted to roll the key back: messer will not write "
                    + "with it", Hint.of("check the keys bucket ({}) and delete it with {}", Hint.command("doctor"),
                    Hint.command("encryption delete", ref.name(), String.valueOf(ref.version()))));
        }
        throw new ConflictException("encryption key " + ref + " has no encryption context (Messer or "
                + "item_format = 1 wrote it) and this profile writes bound items", Hint.of("add a bound version with {}",
                Hint.command("encryption increment", ref.name())));
    }

    /** See {@link KeyRing#rollbackSuspects()}. */
    List<KeyRef> rollbackSuspects(List<String> names) {
        List<KeyRef> suspects = new ArrayList<>();
        for (String name : names) {
            boolean boundSeen = false;
            for (int version : numbers.versions(name)) {
                KeyRef ref = new KeyRef(name, version);
                Optional<Blob> blob = store.get(ref.objectKey());
                if (blob.isEmpty()) {
                    continue;
                }
                boolean bound = !of(ref, blob.get()).isEmpty();
                if (!bound && boundSeen) {
                    suspects.add(ref);
                }
                boundSeen |= bound;
            }
        }
        return suspects;
    }

    /** See {@link KeyRing#versionsWithoutTier()}. */
    List<KeyRef> versionsWithoutTier(List<String> names) {
        List<KeyRef> lacking = new ArrayList<>();
        if (tier.isEmpty()) {
            return lacking;
        }
        for (String name : names) {
            for (int version : numbers.versions(name)) {
                KeyRef ref = new KeyRef(name, version);
                String stored = store.get(ref.objectKey()).map(b -> b.metadata().get(KeyRing.CONTEXT_METADATA))
                        .orElse(null);
                if (stored == null || !hasTier(stored)) {
                    lacking.add(ref);
                }
            }
        }
        return lacking;
    }

    private boolean boundVersionBelow(KeyRef ref) {
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

    private static boolean hasTier(String stored) {
        try {
            return EncryptionContext.fromMetadataValue(stored).asMap().containsKey(KeyRing.CONTEXT_TIER);
        } catch (InvalidInputException damaged) {
            return true; // damaged metadata is reported by unwrap, not as a missing tier
        }
    }
}
