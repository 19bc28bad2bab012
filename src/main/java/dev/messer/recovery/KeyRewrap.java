package dev.messer.recovery;

import dev.messer.crypto.DataKey;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.keys.VersionWraps;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * {@code encryption rewrap} and {@code recovery restore}: every version of the named keys (all keys
 * when none is named) gets a new master key wrap, a recovery wrap, or both, without touching any
 * item. Each version is done on its own and what is done is skipped, so a run that stopped halfway
 * is completed by running it again. {@code restore} opens the recovery wraps with the private key
 * and never calls the master key the versions were wrapped by.
 */
public final class KeyRewrap {

    /** What was done: versions re-wrapped or given a recovery wrap, versions that needed nothing. */
    public record Counts(int changed, int unchanged) {
    }

    private final KeyRing ring;
    private final VersionWraps wraps;
    private final RecoveryStore recovery;
    private final BiConsumer<KeyRef, String> progress;

    /** @param progress hears each version and what happened to it ("re-wrapped under X", "already done") */
    public KeyRewrap(KeyRing ring, RecoveryStore recovery, BiConsumer<KeyRef, String> progress) {
        this.ring = ring;
        this.wraps = new VersionWraps(ring);
        this.recovery = recovery;
        this.progress = progress;
    }

    /**
     * @param target      the master key every version moves to, or null to keep each one's
     * @param recoveryKey the pinned recovery key to add wraps under, or null for none
     */
    public Counts rewrap(List<String> names, String target, RecoveryPublicKey recoveryKey) {
        String to = target == null ? null : plain(target);
        return forEachVersion(names, version -> {
            boolean move = to != null && !version.wrappedBy(to);
            boolean wrap = recoveryKey != null && !recovery.hasWrapUnder(version.ref(), recoveryKey);
            if (!move && !wrap) {
                return false;
            }
            try (DataKey key = wraps.unwrap(version)) {
                if (wrap) {
                    recovery.writeWrap(version.ref(), recoveryKey, key);
                }
                if (move) {
                    wraps.replace(version, key, to);
                }
            }
            progress.accept(version.ref(), (wrap ? "recovery wrap added" : "") + (wrap && move ? ", " : "")
                    + (move ? "re-wrapped under " + to : ""));
            return true;
        });
    }

    /**
     * Re-wraps every version under {@code target} from its recovery wrap, with no call to the master
     * key it was wrapped by. Versions without a recovery wrap are reported and counted as failures.
     *
     * @throws IntegrityException after the run when some versions could not be restored
     */
    public Counts restore(List<String> names, RecoveryPrivateKey privateKey, String target) {
        String to = plain(target);
        int[] missing = {0};
        Counts counts = forEachVersion(names, version -> {
            if (version.wrappedBy(to)) {
                return false;
            }
            if (!recovery.hasWrap(version.ref())) {
                missing[0]++;
                progress.accept(version.ref(), "NOT restored: it has no recovery wrap");
                return false;
            }
            try (DataKey key = recovery.openWrap(version.ref(), privateKey)) {
                wraps.replace(version, key, to);
            }
            progress.accept(version.ref(), "restored under " + to);
            return true;
        });
        if (missing[0] > 0) {
            throw new IntegrityException(missing[0] + " key version(s) have no recovery wrap and were not restored; "
                    + "items sealed with them can only be opened with the master key that wrapped them");
        }
        return counts;
    }

    private interface Step {
        boolean apply(VersionWraps.Stored version);
    }

    private Counts forEachVersion(List<String> names, Step step) {
        List<String> keys = names.isEmpty() ? ring.names() : names;
        int changed = 0;
        int unchanged = 0;
        for (String name : keys) {
            List<Integer> versions = ring.versions(name);
            if (versions.isEmpty()) {
                throw new InvalidInputException("encryption key " + name + " does not exist in " + recovery.describe());
            }
            for (int number : versions) {
                Optional<VersionWraps.Stored> version = wraps.stored(new KeyRef(name, number));
                if (version.isPresent() && step.apply(version.get())) {
                    changed++;
                } else {
                    unchanged++;
                }
            }
        }
        return new Counts(changed, unchanged);
    }

    /** A master key name as versions record it: a KMS alias without {@code alias/}. */
    public static String plain(String masterKey) {
        return masterKey.startsWith("alias/") ? masterKey.substring("alias/".length()) : masterKey;
    }
}
