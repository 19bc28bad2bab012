package dev.messer.estate;

import dev.messer.bulk.BulkListener;
import dev.messer.bulk.ItemPath;
import dev.messer.bulk.ParallelMap;
import dev.messer.crypto.EncryptionContext;
import dev.messer.crypto.EnvelopeCodec;
import dev.messer.databag.ItemService;
import dev.messer.databag.StoredItem;
import dev.messer.error.InvalidInputException;
import dev.messer.error.MesserException;
import dev.messer.error.ThrottledException;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.names.Names;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.BlobVersion;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads one tier for the audit: one listing of its items, whose names wait in a spill file as a bulk
 * run's do ({@link ParallelMap#forEachItem}), one GET per item (the stored envelope, to learn its key
 * version and format), and per key version one read of its object's metadata. It never decrypts an
 * item and never calls the master key. It keeps counts only: each item read is tallied and dropped.
 */
public final class TierScanner {

    /**
     * The metadata entries, in order of preference, that hold a key version's creation time as an
     * ISO-8601 instant. Re-wrapping a version rewrites its object, which resets {@code LastModified};
     * the creation time recorded in the metadata survives it.
     */
    public static final List<String> CREATED_METADATA = List.of("messer-created", "created");
    private static final int PROBLEMS_KEPT = 20;

    private TierScanner() {
    }

    /** What one item told: its key version and format, or why it could not be read. */
    private record Seen(KeyRef key, int format, String problem, boolean throttled) {
    }

    public static TierInventory scan(TierSource source, int parallel, BulkListener listener) {
        Map<KeyRef, LongAdder> perVersion = new ConcurrentHashMap<>();
        Map<Integer, LongAdder> formats = new ConcurrentHashMap<>();
        LongAdder read = new LongAdder();
        LongAdder unreadable = new LongAdder();
        SortedMap<ItemPath, String> problems = new TreeMap<>();
        int bags = ParallelMap.forEachItem(source.bags(), bag -> true, parallel, "auditing " + source.label(), listener,
                path -> see(source.items(), path), Seen::throttled, (path, seen) -> {
                    if (seen.problem() != null) {
                        unreadable.increment();
                        keepFirst(problems, path, Names.escaped(path.bag() + "/" + path.id()) + ": " + seen.problem());
                        return;
                    }
                    read.increment();
                    perVersion.computeIfAbsent(seen.key(), k -> new LongAdder()).increment();
                    formats.computeIfAbsent(seen.format(), f -> new LongAdder()).increment();
                }).size();
        listener.finished();
        SortedMap<String, Long> missing = new TreeMap<>();
        List<KeyVersionInfo> versions = keyVersions(source.keyRing(), source.keys(), perVersion, missing);
        SortedMap<Integer, Long> formatCounts = new TreeMap<>();
        formats.forEach((format, count) -> formatCounts.put(format, count.sum()));
        List<String> problemList = new ArrayList<>(problems.values());
        problemList.sort(null);
        return new TierInventory(source, bags, read.sum(), formatCounts, versions, missing, unreadable.sum(),
                problemList);
    }

    /** Keeps the problems of the first {@link #PROBLEMS_KEPT} items by bag and id, whatever order they finish in. */
    private static void keepFirst(SortedMap<ItemPath, String> problems, ItemPath path, String problem) {
        synchronized (problems) {
            problems.put(path, problem);
            if (problems.size() > PROBLEMS_KEPT) {
                problems.remove(problems.lastKey());
            }
        }
    }

    private static Seen see(ItemService items, ItemPath path) {
        try {
            Optional<ItemService.Read> found = items.find(path.bag(), path.id());
            if (found.isEmpty()) {
                return new Seen(null, 0, "deleted since it was listed", false);
            }
            StoredItem item = found.get().item();
            int format = Integer.parseInt(EnvelopeCodec.decode(item.encryptedData()).version().wire());
            return new Seen(item.keyRef(), format, null, false);
        } catch (ThrottledException e) {
            return new Seen(null, 0, e.getMessage(), true);
        } catch (MesserException e) {
            return new Seen(null, 0, e.getMessage(), false);
        }
    }

    /** Every stored version of every key, with the items counted on it; versions items name but nobody stores go to {@code missing}. */
    private static List<KeyVersionInfo> keyVersions(KeyRing ring, BlobStore keys, Map<KeyRef, LongAdder> perVersion,
                                                    SortedMap<String, Long> missing) {
        List<KeyVersionInfo> infos = new ArrayList<>();
        Map<KeyRef, Long> unseen = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        perVersion.forEach((ref, count) -> unseen.put(ref, count.sum()));
        for (String name : ring.names()) {
            List<Integer> numbers = ring.versions(name);
            for (int version : numbers) {
                KeyRef ref = new KeyRef(name, version);
                Optional<Blob> blob = keys.get(ref.objectKey());
                if (blob.isEmpty()) {
                    continue; // deleted since it was listed
                }
                Long items = unseen.remove(ref);
                infos.add(info(keys, ref, blob.get(), items == null ? 0 : items,
                        version == numbers.get(numbers.size() - 1)));
            }
        }
        unseen.forEach((ref, count) -> missing.put(ref.name() + " v" + ref.version(), count));
        return infos;
    }

    private static KeyVersionInfo info(BlobStore keys, KeyRef ref, Blob blob, long items, boolean latest) {
        EncryptionContext context = context(blob);
        Optional<Instant> recorded = recordedCreation(blob.metadata());
        Instant created = recorded.orElseGet(() -> lastModified(keys, ref));
        return new KeyVersionInfo(ref.name(), ref.version(), created, recorded.isPresent(), !context.isEmpty(),
                context.asMap().containsKey(KeyRing.CONTEXT_TIER), items, latest);
    }

    private static EncryptionContext context(Blob blob) {
        String stored = blob.metadata().get(KeyRing.CONTEXT_METADATA);
        try {
            return stored == null ? EncryptionContext.empty() : EncryptionContext.fromMetadataValue(stored);
        } catch (InvalidInputException damaged) {
            return EncryptionContext.empty(); // unwrapping reports damaged metadata; the audit counts the version as unbound
        }
    }

    /** The creation time recorded in the version's metadata, if one is there and reads as an instant. */
    static Optional<Instant> recordedCreation(Map<String, String> metadata) {
        for (String name : CREATED_METADATA) {
            String value = metadata.get(name);
            if (value != null) {
                try {
                    return Optional.of(Instant.parse(value.trim()));
                } catch (DateTimeParseException ignored) {
                    // not an instant: try the next entry, then LastModified
                }
            }
        }
        return Optional.empty();
    }

    /** When the version's current object was written (the store's last-modified time). */
    private static Instant lastModified(BlobStore keys, KeyRef ref) {
        return keys.versions(ref.objectKey()).versions().stream().filter(v -> !v.deleted()).findFirst()
                .map(BlobVersion::time).orElse(Instant.EPOCH);
    }
}
