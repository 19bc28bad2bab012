package dev.messer.doctor;

import dev.messer.crypto.EncryptionContext;
import dev.messer.error.IntegrityException;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What doctor looks for in the contexts kept with key versions: every version of every key is read
 * (its metadata, no unwrap), so these are audits, not checks made on the way of a command.
 */
final class KeyAudits {

    private KeyAudits() {
    }

    /** Context-less versions numbered above a version that has a context: what a rollback looks like. */
    static List<KeyRef> rollbackSuspects(KeyRing ring) {
        List<KeyRef> suspects = new ArrayList<>();
        for (String name : ring.names()) {
            boolean boundSeen = false;
            for (int version : ring.versions(name)) {
                KeyRef ref = new KeyRef(name, version);
                Optional<EncryptionContext> context = ring.storedContext(ref);
                if (context.isEmpty()) {
                    continue;
                }
                boolean bound = !context.get().isEmpty();
                if (!bound && boundSeen) {
                    suspects.add(ref);
                }
                boundSeen |= bound;
            }
        }
        return suspects;
    }

    /**
     * The versions of every key whose stored context has no {@code messer:tier}: those written before
     * the tier was part of the context, under {@code item_format = 1}, or by Messer. Empty when the
     * profile has no tier.
     */
    static List<KeyRef> versionsWithoutTier(KeyRing ring, String tier) {
        List<KeyRef> lacking = new ArrayList<>();
        if (tier.isEmpty()) {
            return lacking;
        }
        for (String name : ring.names()) {
            for (int version : ring.versions(name)) {
                KeyRef ref = new KeyRef(name, version);
                if (!hasTier(ring, ref)) {
                    lacking.add(ref);
                }
            }
        }
        return lacking;
    }

    private static boolean hasTier(KeyRing ring, KeyRef ref) {
        try {
            return ring.storedContext(ref).map(c -> c.asMap().containsKey(KeyRing.CONTEXT_TIER)).orElse(false);
        } catch (IntegrityException damaged) {
            return true; // damaged metadata is reported by unwrap, not as a missing tier
        }
    }
}
