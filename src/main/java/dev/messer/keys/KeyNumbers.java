package dev.messer.keys;

import dev.messer.error.Hint;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.error.NotFoundException;
import dev.messer.names.KeyVersionNumber;
import dev.messer.names.Names;
import dev.messer.store.BlobStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * The version numbers of the keys bucket: the versions of a key, the tombstones of deleted ones,
 * and the number the next version gets. Numbers follow {@link KeyVersionNumber} and are computed
 * exactly; a version or tombstone with a number messer never writes, or a tombstone far above
 * every version, was planted to push new versions out of range and is refused as tampering.
 */
final class KeyNumbers {

    /** How far above the next lower version or tombstone a tombstone may lie. */
    static final int TOMBSTONE_GAP = 1000;

    private final BlobStore store;

    KeyNumbers(BlobStore store) {
        this.store = store;
    }

    /** The versions of {@code name} in ascending order; empty if the key does not exist. */
    List<Integer> versions(String name) {
        TreeSet<Integer> versions = new TreeSet<>();
        String prefix = name + "/";
        for (String key : store.list(prefix)) {
            String rest = key.substring(prefix.length());
            if (rest.isEmpty()) {
                continue;
            }
            OptionalInt number = KeyVersionNumber.parse(rest);
            if (number.isPresent()) {
                versions.add(number.getAsInt());
            } else if (KeyVersionNumber.isWholeNumber(rest)) {
                throw planted("key object " + Names.escaped(key), "has a version number messer never writes (0 to "
                        + KeyVersionNumber.MAX + ")");
            } else {
                throw new InvalidInputException("unexpected object " + Names.escaped(key) + " in " + store.describe()
                        + ": key versions must be integers");
            }
        }
        return new ArrayList<>(versions);
    }

    /** The number of the next version: above {@code versions} (the key's, as listed) and above every tombstone. */
    int next(String name, List<Integer> versions) {
        int highest = Math.max(versions.isEmpty() ? -1 : versions.get(versions.size() - 1),
                highestDeleted(name, versions));
        if (highest >= KeyVersionNumber.MAX) {
            throw new IntegrityException("encryption key " + name + " has no version number left above " + highest
                    + " in " + store.describe() + " (the highest is " + KeyVersionNumber.MAX + "); a number this "
                    + "high was planted by someone who can write the keys bucket: delete that object, check who can "
                    + "write the keys bucket, and run the command again");
        }
        return Math.addExact(highest, 1);
    }

    /**
     * Checks, from a fresh listing, that a version just written is listed and that no version that
     * was there before ({@code before}) sorts at or above it: else new items would go on being
     * sealed with an older data key. A version above it that was not there before is another
     * writer's newer one.
     */
    void requireLatest(KeyRef ref, List<Integer> before) {
        List<Integer> now = versions(ref.name());
        boolean olderAbove = now.stream().anyMatch(v -> v > ref.version() && before.contains(v));
        if (!now.contains(ref.version()) || olderAbove) {
            throw new IntegrityException("encryption key " + ref + " was written to " + store.describe()
                    + " but is not its latest version (the latest is " + (now.isEmpty() ? "missing"
                    : "v" + now.get(now.size() - 1)) + "), so items would still be sealed with an older one",
                    Hint.of("check the keys bucket with {}", Hint.command("encryption list", ref.name())));
        }
    }

    static String tombstoneKey(KeyRef ref) {
        return KeyRing.TOMBSTONES + ref.name() + "/" + ref.version();
    }

    /** Records that {@code ref} was deleted, before it is: a crash in between still retires the number. */
    void writeTombstone(KeyRef ref) {
        store.put(tombstoneKey(ref), ("deleted " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * The highest deleted version of {@code name}, or -1. Deleting retires versions that exist, so a
     * tombstone lies at most {@value #TOMBSTONE_GAP} above the next lower version or tombstone (-1
     * when there is none); one further above, or one with a number messer never writes, is refused.
     */
    private int highestDeleted(String name, List<Integer> versions) {
        String prefix = KeyRing.TOMBSTONES + name + "/";
        TreeSet<Integer> deleted = new TreeSet<>();
        for (String key : store.list(prefix)) {
            String rest = key.substring(prefix.length());
            OptionalInt number = KeyVersionNumber.parse(rest);
            if (number.isPresent()) {
                deleted.add(number.getAsInt());
            } else if (KeyVersionNumber.isWholeNumber(rest)) {
                throw planted("tombstone " + Names.escaped(key), "has a version number messer never writes (0 to "
                        + KeyVersionNumber.MAX + ")");
            }
            // other names are not tombstones of ours: they cannot raise the next number
        }
        TreeSet<Integer> known = new TreeSet<>(versions);
        known.addAll(deleted);
        long below = -1;
        for (int n : known) {
            if (n - below > TOMBSTONE_GAP && deleted.contains(n)) {
                throw planted("tombstone " + prefix + n, "lies more than " + TOMBSTONE_GAP + " above the version "
                        + "below it (" + (below < 0 ? "there is none" : "v" + below) + "), which deleting never leaves");
            }
            below = n;
        }
        return deleted.isEmpty() ? -1 : deleted.last();
    }

    private IntegrityException planted(String what, String problem) {
        return new IntegrityException(what + " in " + store.describe() + " " + problem + ": someone who can write "
                + "the keys bucket put it there; delete that object, check who can write the keys bucket, and run "
                + "the command again");
    }

    /** Every deleted version, by key name (from the tombstones); names that break the naming rule are left out. */
    java.util.SortedMap<String, java.util.SortedSet<Integer>> deletedVersions() {
        java.util.SortedMap<String, java.util.SortedSet<Integer>> deleted = new java.util.TreeMap<>();
        for (String key : store.list(KeyRing.TOMBSTONES)) {
            String[] parts = key.substring(KeyRing.TOMBSTONES.length()).split("/", -1);
            java.util.OptionalInt number = parts.length == 2 ? dev.messer.names.KeyVersionNumber.parse(parts[1])
                    : java.util.OptionalInt.empty();
            if (number.isPresent() && Names.isValid(parts[0])) {
                deleted.computeIfAbsent(parts[0], n -> new java.util.TreeSet<>()).add(number.getAsInt());
            }
        }
        return deleted;
    }

    /** Writes the tombstone of {@code ref} and deletes its object. */
    void retire(KeyRef ref) {
        writeTombstone(ref);
        store.delete(ref.objectKey());
    }

    /** What to report for a version that is not there: deleted (its tombstone is there), or never written. */
    NotFoundException missing(KeyRef ref) {
        String tombstone = tombstoneKey(ref);
        if (store.get(tombstone).isPresent()) {
            return new NotFoundException("encryption key " + ref + " was deleted (" + tombstone + " in "
                    + store.describe() + "), so what it sealed cannot be decrypted; restore the item from a backup");
        }
        return new NotFoundException("encryption key " + ref + " does not exist in " + store.describe(),
                Hint.of("see {}", Hint.command("encryption list", ref.name())));
    }

}
