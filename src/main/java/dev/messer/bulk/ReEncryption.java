package dev.messer.bulk;

import dev.messer.error.MesserException;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;

/**
 * {@code bulk re-encrypt}: every item in scope is sealed again with the latest version of its own
 * key, in the configured envelope format. Items already there are skipped. The target depends only
 * on the key, so the run needs no plan before its first write: each item is read and written in one
 * pass, and the latest version of a key is looked up when its first item comes.
 */
public final class ReEncryption {

    private final BulkProfile profile;

    public ReEncryption(BulkProfile profile) {
        this.profile = profile;
    }

    public BulkReport run(BulkOptions options) {
        return ResealRun.inOnePass("re-encrypt", profile, options, new KeyTargets(latestVersion(profile.keyRing())));
    }

    /**
     * A key moves to its latest version, or is reported with why it has none (such as a latest version
     * this profile must not write with).
     */
    static java.util.function.BiConsumer<String, KeyTargets> latestVersion(KeyRing ring) {
        return (name, targets) -> {
            try {
                KeyRef latest = new KeyRef(name, ring.latest(name));
                ring.checkWritable(latest);
                targets.target(latest);
            } catch (MesserException e) {
                targets.problem(name, e.getMessage());
            }
        };
    }
}
