package dev.messer.keys;

import dev.messer.error.Hint;
import dev.messer.error.IntegrityException;
import dev.messer.masterkey.MasterKeys;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import java.util.Optional;

/**
 * Which master key a profile trusts a version to be wrapped by. Someone who can write the keys bucket
 * but cannot use the profile's master key can still store a version wrapped by another key they can
 * use and record that key's name ({@value KeyRing#MASTER_KEY_METADATA}): they would then know the data
 * key inside. So a profile seals only with versions its own master key wrapped (or that record none,
 * as Messer's), and opens a version another master key wrapped only in the states a move between
 * master keys ({@code encryption rewrap --to-master-key}, which moves the versions of a key in
 * ascending order) leaves while the profile still names the old key: some higher version of the same
 * key is still wrapped by the profile's own key, or none is (the whole key was moved).
 */
public final class MasterKeyRule {

    private final BlobStore store;
    private final KeyNumbers numbers;
    private final MasterKeys masterKeys;

    MasterKeyRule(BlobStore store, KeyNumbers numbers, MasterKeys masterKeys) {
        this.store = store;
        this.numbers = numbers;
        this.masterKeys = masterKeys;
    }

    /** The master key the version records when it is not the profile's own; null when it is (or records none). */
    String other(KeyRef ref, Blob blob) {
        String recorded = VersionMetadata.masterKey(ref, blob, store.describe());
        return recorded == null || recorded.equals(masterKeys.currentName()) ? null : recorded;
    }

    /**
     * Refuses to open {@code ref}, wrapped by master key {@code other} (null: the profile's own), when
     * a lower version of the key is wrapped by the profile's own key and no higher one is: that is a
     * version stored above the profile's, which no move between master keys leaves.
     */
    void checkReadable(KeyRef ref, String other) {
        if (other == null) {
            return;
        }
        boolean ownBelow = false;
        for (int version : numbers.versions(ref.name())) {
            KeyRef each = new KeyRef(ref.name(), version);
            Optional<Blob> blob = version == ref.version() ? Optional.empty() : store.get(each.objectKey());
            if (blob.isPresent() && other(each, blob.get()) == null) {
                if (version > ref.version()) {
                    return;
                }
                ownBelow = true;
            }
        }
        if (ownBelow) {
            throw refused(ref, other, "messer will not open items sealed with it, since no higher version is "
                    + "wrapped by the profile's key");
        }
    }

    /** Refuses to seal with {@code ref} when another master key ({@code other}, not null) wrapped it. */
    void checkWritable(KeyRef ref, String other) {
        if (other != null) {
            throw refused(ref, other, "messer will not seal with it");
        }
    }

    private IntegrityException refused(KeyRef ref, String other, String consequence) {
        String own = masterKeys.currentName();
        return new IntegrityException("encryption key " + ref + " (" + ref.objectKey() + " in " + store.describe()
                + ") is wrapped by master key '" + other + "', not by this profile's master key '" + own + "', so "
                + consequence + ": someone who can write the keys bucket can plant such a version", fix(ref, other, own));
    }

    /**
     * What to do about version {@code ref} wrapped by master key {@code other} in a profile whose master
     * key is {@code own}: the fix of a move between the two, either way, and of a planted version.
     */
    public static Hint fix(KeyRef ref, String other, String own) {
        return Hint.of("if key {} is moving to '{}', point the profile at it with {}; if it is moving to '{}', "
                        + "finish the move with {}; if nobody moved it, delete the planted version with {}",
                ref.name(), other, Hint.command("configure", "-m", other), own,
                Hint.command("encryption rewrap", ref.name(), "--to-master-key", own),
                Hint.command("encryption delete", ref.name(), String.valueOf(ref.version())));
    }
}
