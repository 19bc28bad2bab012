package dev.messer.doctor;

import dev.messer.app.Session;
import dev.messer.error.Hint;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.keys.VersionWraps;
import dev.messer.recovery.RecoveryPublicKey;
import dev.messer.recovery.RecoveryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What doctor says about break-glass recovery: whether the keys bucket holds the recovery key the
 * profile pins, which versions lack a recovery wrap under it, and the state of every master key
 * that versions record besides the profile's own. Reads metadata only; unwraps nothing.
 */
final class RecoveryAudit {

    private static final int SHOWN = 5;

    private RecoveryAudit() {
    }

    /** The "recovery wraps" check. */
    static String recoveryWraps(Session<?> session) {
        String pinned = session.settings().common().recoveryKeyFingerprint();
        RecoveryStore store = session.recovery();
        Optional<RecoveryPublicKey> stored = store.storedPublicKey();
        Hint add = Hint.of("add them with {}", Hint.command("encryption rewrap", "--add-recovery"));
        if (pinned.isEmpty()) {
            if (stored.isEmpty()) {
                throw new Checklist.Info("no recovery key is set: losing the master key loses every data key",
                        Hint.text("set one up as the Recovery section of docs/aws.md shows (recovery keygen, then "
                                + "recovery set with the public key file)"));
            }
            throw new Checklist.Warning(store.describe() + " holds recovery key " + stored.get().fingerprint()
                    + ", but this profile pins none, so it writes no recovery wraps",
                    Hint.text("pin it with recovery set and the public key file, or set recovery_key_fingerprint = "
                            + stored.get().fingerprint()));
        }
        RecoveryPublicKey key = store.pinnedPublicKey(pinned);
        List<KeyRef> lacking = new ArrayList<>();
        int total = 0;
        KeyRing ring = session.keyRing();
        for (String name : ring.names()) {
            for (int version : ring.versions(name)) {
                total++;
                KeyRef ref = new KeyRef(name, version);
                if (!store.hasWrapUnder(ref, key)) {
                    lacking.add(ref);
                }
            }
        }
        if (!lacking.isEmpty()) {
            throw new Checklist.Warning(lacking.size() + " of " + total + " key version(s) have no recovery wrap under "
                    + pinned + " (" + shown(lacking) + ")", add);
        }
        return "all " + total + " key version(s) have a recovery wrap under " + pinned;
    }

    /**
     * The "old master keys" check: each master key that versions record besides the profile's
     * own, through {@code state} ("alias/x -> key ... (enabled)", or an exception saying it is
     * disabled or pending deletion).
     */
    static String recordedMasterKeys(Session<?> session, Function<String, String> state) {
        TreeSet<String> names = new TreeSet<>();
        VersionWraps wraps = new VersionWraps(session.keyRing());
        KeyRing ring = session.keyRing();
        for (String name : ring.names()) {
            for (int version : ring.versions(name)) {
                wraps.stored(new KeyRef(name, version)).map(VersionWraps.Stored::masterKey).ifPresent(names::add);
            }
        }
        names.remove(session.backend().masterKeyName());
        if (names.isEmpty()) {
            return "every version is wrapped by the profile's master key";
        }
        List<String> states = new ArrayList<>();
        for (String name : names) {
            states.add(state.apply(name));
        }
        return String.join("; ", states);
    }

    private static String shown(List<KeyRef> refs) {
        List<String> first = refs.stream().limit(SHOWN).map(KeyRef::toString).toList();
        return String.join(", ", first) + (refs.size() > SHOWN ? ", ..." : "");
    }
}
