package dev.messer.keys;

import dev.messer.crypto.EncryptionContext;
import dev.messer.error.ConflictException;
import dev.messer.error.Hint;
import dev.messer.error.IntegrityException;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What a profile trusts in its keys bucket, and the rules that follow from it: which context a new
 * version gets, which stored versions may be read, and which may be written with.
 *
 * <p>Read rules. A stored context must name the version it is stored with, carry the profile's
 * tier when {@code checkTier}, and contain every configured pair; a version without a context is
 * read only when {@code readContextless}. Write rule. A profile that writes bound items
 * ({@code bindContext}) never writes with a context-less version: one numbered above a version with
 * a context is what someone who can write the keys bucket would plant to roll a key back.
 *
 * @param context         the configured pairs ({@code encryption_context}): every new version gets
 *                        them, and a stored context must hold each
 * @param tier            the profile's tier, put in the context of new versions as {@code messer:tier}
 *                        (not when empty)
 * @param checkTier       whether a stored {@code messer:tier} must be {@code tier}: true where each tier
 *                        has its own keys bucket, false where tiers may share one
 * @param bindContext     whether new versions are bound to a context ({@code item_format = 2}); false
 *                        writes keys that Messer can unwrap, with no context
 * @param readContextless whether versions without a context are read ({@code min_item_format = 1})
 */
public record KeyTrust(EncryptionContext context, String tier, boolean checkTier, boolean bindContext,
                       boolean readContextless) {

    public KeyTrust {
        tier = tier == null ? "" : tier;
    }

    /** The context a new version gets: none when {@code bindContext} is false. */
    EncryptionContext forNewVersion(KeyRef ref) {
        if (!bindContext) {
            return EncryptionContext.empty();
        }
        EncryptionContext bound = context.with(KeyRing.CONTEXT_KEY_NAME, ref.name())
                .with(KeyRing.CONTEXT_KEY_VERSION, String.valueOf(ref.version()));
        return tier.isEmpty() ? bound : bound.with(KeyRing.CONTEXT_TIER, tier);
    }

    /**
     * Refuses a stored version this profile must not read: a context of another key, another tier's
     * version, a context-less one under {@code min_item_format = 2}, one that lacks a configured pair.
     *
     * @param bucket the keys bucket, for messages
     */
    void checkReadable(KeyRef ref, EncryptionContext stored, String bucket) {
        Map<String, String> pairs = stored.asMap();
        if (!stored.isEmpty() && !(ref.name().equals(pairs.get(KeyRing.CONTEXT_KEY_NAME))
                && String.valueOf(ref.version()).equals(pairs.get(KeyRing.CONTEXT_KEY_VERSION)))) {
            throw new IntegrityException("key object " + ref.objectKey() + " in " + bucket
                    + " carries the context of another key: it was moved or relabelled");
        }
        String storedTier = pairs.get(KeyRing.CONTEXT_TIER);
        if (checkTier && storedTier != null && !storedTier.equals(tier)) {
            throw new IntegrityException("key object " + ref.objectKey() + " in " + bucket
                    + " belongs to tier '" + storedTier + "', not to this profile's tier '" + tier
                    + "': it was copied from another tier's keys bucket; restore it from a backup");
        }
        if (stored.isEmpty() && !readContextless) {
            throw new IntegrityException("encryption key " + ref + " (" + ref.objectKey() + " in " + bucket
                    + ") has no encryption context, which min_item_format = 2 refuses", Hint.of("re-encrypt its items "
                    + "with {} under min_item_format = 1 first", Hint.command("bulk re-encrypt")));
        }
        if (stored.isEmpty()) {
            return;
        }
        for (Map.Entry<String, String> pair : context.asMap().entrySet()) {
            String value = pairs.get(pair.getKey());
            if (!pair.getValue().equals(value)) {
                throw new IntegrityException("encryption key " + ref + " (" + ref.objectKey() + " in " + bucket
                        + ") is bound to " + (value == null ? "no " + pair.getKey() : pair.getKey() + "=" + value)
                        + ", but encryption_context requires " + pair.getKey() + "=" + pair.getValue()
                        + "; use the profile this key belongs to, or correct encryption_context");
            }
        }
    }

    /**
     * Refuses to write with a version whose stored context is empty when this profile writes bound
     * items: as latest, as an explicit version, or as a bulk target.
     *
     * @param boundVersionBelow whether a lower version of the key has a context (asked only when needed)
     */
    void checkWritable(KeyRef ref, EncryptionContext stored, BooleanSupplier boundVersionBelow) {
        if (!bindContext || !stored.isEmpty()) {
            return;
        }
        if (boundVersionBelow.getAsBoolean()) {
            throw new IntegrityException("encryption key " + ref + " has no encryption context although a lower "
                    + "version has one, so it may have been planted to roll the key back: messer will not write "
                    + "with it", Hint.of("check the keys bucket ({}) and delete it with {}", Hint.command("doctor"),
                    Hint.command("encryption delete", ref.name(), String.valueOf(ref.version()))));
        }
        throw new ConflictException("encryption key " + ref + " has no encryption context (Messer or "
                + "item_format = 1 wrote it) and this profile writes bound items", Hint.of("add a bound version with {}",
                Hint.command("encryption increment", ref.name())));
    }
}
