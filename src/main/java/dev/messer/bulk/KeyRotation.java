package dev.messer.bulk;

import dev.messer.error.MesserException;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code bulk rotate-keys}: for every key used by an item in scope, first write a new version, then
 * re-seal the items onto it. No item is written before every new version exists.
 *
 * <p>Resumption rule: a key whose items are all on its latest version is rotated (latest+1). A key
 * with items still on older versions is taken to be in the middle of a rotation (an interrupted run,
 * or an {@code encryption increment} not yet applied): its latest version is the target and no new
 * version is written. Re-running an interrupted rotation therefore finishes it without rotating
 * twice; running it again once finished rotates again.
 */
public final class KeyRotation {

    private final BulkProfile profile;

    public KeyRotation(BulkProfile profile) {
        this.profile = profile;
    }

    public BulkReport run(BulkOptions options) {
        Map<String, Set<Integer>> versions = new ConcurrentHashMap<>();
        return ResealRun.readFirst("rotate-keys", profile, options,
                item -> versions.computeIfAbsent(item.read().item().keyName(), k -> ConcurrentHashMap.newKeySet())
                        .add(item.read().item().keyVersion()),
                () -> rotate(profile.keyRing(), new TreeMap<>(versions), options.dryRun()));
    }

    /** Writes the new versions (unless dry run), all before any item moves; returns the targets. */
    private static KeyTargets rotate(KeyRing ring, Map<String, Set<Integer>> versions, boolean dryRun) {
        KeyTargets targets = new KeyTargets();
        for (Map.Entry<String, Set<Integer>> key : versions.entrySet()) {
            String name = key.getKey();
            Set<Integer> inUse = new TreeSet<>(key.getValue());
            try {
                int latest = ring.latest(name);
                if (!inUse.equals(Set.of(latest))) {
                    KeyRef target = new KeyRef(name, latest);
                    ring.checkWritable(target);
                    targets.target(target);
                    targets.plan("key " + name + ": items on versions " + inUse + "; finishing the rotation onto "
                            + target + " (no new version)");
                } else if (dryRun) {
                    KeyRef target = new KeyRef(name, ring.nextVersion(name));
                    targets.target(target);
                    targets.plan("key " + name + ": would create " + target);
                } else {
                    KeyRef target = ring.increment(name);
                    targets.created(target);
                    targets.target(target);
                    targets.plan("key " + name + ": created " + target);
                }
            } catch (MesserException e) {
                targets.problem(name, "key " + name + " could not be rotated: " + e.getMessage());
                targets.plan("key " + name + ": not rotated: " + e.getMessage());
            }
        }
        return targets;
    }
}
