package dev.messer.bulk;

import dev.messer.error.MesserException;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code bulk re-encrypt}: every item in scope is sealed again with the latest version of its own
 * key, in the configured envelope format. Items already there are skipped.
 */
public final class ReEncryption {

    private final BulkProfile profile;

    public ReEncryption(BulkProfile profile) {
        this.profile = profile;
    }

    public BulkReport run(BulkOptions options) {
        return ResealRun.run("re-encrypt", profile, options, scanned -> latestVersions(profile.keyRing(), scanned));
    }

    /**
     * Each key in use moves to its latest version, or is reported with why it has none (such as a
     * latest version this profile must not write with).
     */
    static KeyTargets latestVersions(KeyRing ring, List<ScannedItem> scanned) {
        Set<String> names = new TreeSet<>();
        scanned.stream().filter(ScannedItem::usable).forEach(s -> names.add(s.read().item().keyName()));
        KeyTargets targets = new KeyTargets();
        for (String name : names) {
            try {
                KeyRef latest = new KeyRef(name, ring.latest(name));
                ring.checkWritable(latest);
                targets.target(latest);
            } catch (MesserException e) {
                targets.problem(name, e.getMessage());
            }
        }
        return targets;
    }
}
