package dev.messer.doctor;

import dev.messer.app.Session;
import dev.messer.error.Hint;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.keys.MasterKeyRule;
import dev.messer.keys.VersionWraps;
import dev.messer.recovery.RecoveryPublicKey;
import dev.messer.recovery.RecoveryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What doctor says about break-glass recovery: whether the keys bucket holds the recovery key the
 * profile pins, which versions lack a recovery wrap under it, and the state of every master key
 * that versions record besides the profile's own, with the versions it wraps. Reads metadata only;
 * unwraps nothing.
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
     * The "old master keys" check: the versions wrapped by a master key other than the profile's own,
     * by that key, with its state through {@code state} ("alias/x -> key ... (enabled)", or an
     * exception saying it is disabled or pending deletion). Such versions are what a move between
     * master keys leaves until the profile names the new key, or what someone who can write the keys
     * bucket planted; writers refuse them, so this is a warning.
     */
    static String recordedMasterKeys(Session<?> session, Function<String, String> state) {
        String own = session.backend().masterKeyName();
        TreeMap<String, List<KeyRef>> others = new TreeMap<>();
        VersionWraps wraps = new VersionWraps(session.keyRing());
        KeyRing ring = session.keyRing();
        for (String name : ring.names()) {
            for (int version : ring.versions(name)) {
                wraps.stored(new KeyRef(name, version)).filter(v -> v.masterKey() != null && !v.wrappedBy(own))
                        .ifPresent(v -> others.computeIfAbsent(v.masterKey(), k -> new ArrayList<>()).add(v.ref()));
            }
        }
        if (others.isEmpty()) {
            return "every version is wrapped by the profile's master key";
        }
        List<String> found = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, List<KeyRef>> other : others.entrySet()) {
            found.add(shown(other.getValue()) + " by '" + other.getKey() + "': " + state.apply(other.getKey()));
            count += other.getValue().size();
        }
        KeyRef first = others.firstEntry().getValue().get(0);
        throw new Checklist.Warning(count + " key version(s) are wrapped by a master key other than the profile's '"
                + own + "', and writers will not seal with them: " + String.join("; ", found),
                MasterKeyRule.fix(first, others.firstKey(), own));
    }

    private static String shown(List<KeyRef> refs) {
        List<String> first = refs.stream().limit(SHOWN).map(KeyRef::toString).toList();
        return String.join(", ", first) + (refs.size() > SHOWN ? ", ..." : "");
    }
}
