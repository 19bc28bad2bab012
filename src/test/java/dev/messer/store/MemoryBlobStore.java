package dev.messer.store;

import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory bucket for fast unit tests. Honours the whole {@link BlobStore} contract, including
 * the conditional writes (every method is synchronized, so each is atomic), as MemoryBlobStoreTest
 * proves with the same contract tests as the real stores. Counts its requests, as S3 would bill
 * them, so that tests can check how many a service makes. Keeps every version of every object, as a
 * versioned S3 bucket does.
 */
public final class MemoryBlobStore implements BlobStore {

    private final TreeMap<String, Blob> objects = new TreeMap<>();
    private final AtomicInteger gets = new AtomicInteger();
    private final AtomicInteger puts = new AtomicInteger();
    private final AtomicInteger lists = new AtomicInteger();
    private final AtomicInteger deletes = new AtomicInteger();
    private long versions;
    private long versionIds;
    /** Every version of every key ever written, oldest first; a null blob marks a deletion. */
    private final TreeMap<String, List<Stored>> history = new TreeMap<>();

    @Override
    public synchronized Optional<Blob> get(String key) {
        gets.incrementAndGet();
        Blob blob = objects.get(key);
        return blob == null ? Optional.empty()
                : Optional.of(new Blob(blob.content().clone(), blob.etag(), blob.metadata()));
    }

    @Override
    public synchronized void put(String key, byte[] content, Map<String, String> metadata) {
        puts.incrementAndGet();
        store(key, content, metadata);
    }

    @Override
    public synchronized void putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
        puts.incrementAndGet();
        if (objects.containsKey(key)) {
            throw new AlreadyExistsException(key + " already exists in " + describe());
        }
        store(key, content, metadata);
    }

    @Override
    public synchronized void putIfMatch(String key, byte[] content, Map<String, String> metadata, String etag) {
        puts.incrementAndGet();
        Blob current = objects.get(key);
        if (current == null || !current.etag().equals(etag)) {
            throw new ConflictException(key + " in " + describe() + " changed since it was read");
        }
        store(key, content, metadata);
    }

    @Override
    public synchronized List<String> list(String prefix) {
        lists.incrementAndGet();
        List<String> keys = new ArrayList<>();
        for (String key : objects.tailMap(prefix, true).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            keys.add(key);
        }
        return keys;
    }

    @Override
    public synchronized void delete(String key) {
        deletes.incrementAndGet();
        if (objects.remove(key) != null) {
            remember(key, null);
        }
    }

    @Override
    public synchronized VersionListing versions(String key) {
        lists.incrementAndGet();
        List<BlobVersion> out = new ArrayList<>();
        for (Stored stored : history.getOrDefault(key, List.of())) {
            out.add(0, new BlobVersion(stored.id(), stored.time(), stored.blob() == null,
                    stored.blob() == null ? 0 : stored.blob().content().length));
        }
        return new VersionListing(out, true);
    }

    @Override
    public synchronized Optional<Blob> getVersion(String key, String versionId) {
        gets.incrementAndGet();
        for (Stored stored : history.getOrDefault(key, List.of())) {
            if (stored.id().equals(versionId) && stored.blob() != null) {
                Blob blob = stored.blob();
                return Optional.of(new Blob(blob.content().clone(), blob.etag(), blob.metadata()));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized SortedMap<String, List<BlobVersion>> keptVersions(String prefix) {
        lists.incrementAndGet();
        SortedMap<String, List<BlobVersion>> kept = new TreeMap<>();
        for (Map.Entry<String, List<Stored>> entry : history.tailMap(prefix, true).entrySet()) {
            if (!entry.getKey().startsWith(prefix)) {
                break;
            }
            List<Stored> all = entry.getValue();
            boolean live = objects.containsKey(entry.getKey());
            List<BlobVersion> older = new ArrayList<>();
            for (int i = all.size() - (live ? 2 : 1); i >= 0; i--) {
                Stored stored = all.get(i);
                if (stored.blob() != null) {
                    older.add(new BlobVersion(stored.id(), stored.time(), false, stored.blob().content().length));
                }
            }
            if (!older.isEmpty()) {
                kept.put(entry.getKey(), older);
            }
        }
        return kept;
    }

    @Override
    public synchronized void purge(String key) {
        deletes.incrementAndGet();
        objects.remove(key);
        history.remove(key);
    }

    @Override
    public String describe() {
        return "memory bucket";
    }

    private void store(String key, byte[] content, Map<String, String> metadata) {
        Blob blob = new Blob(content.clone(), "\"" + (++versions) + "\"", metadata);
        objects.put(key, blob);
        remember(key, blob);
    }

    private void remember(String key, Blob blob) {
        if (!key.endsWith("/")) {
            history.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Stored(Long.toString(++versionIds), Instant.now(), blob));
        }
    }

    private record Stored(String id, Instant time, Blob blob) {
    }

    /** GET requests so far. */
    public int getCount() {
        return gets.get();
    }

    /** PUT requests so far, conditional ones included, whether they succeeded or not. */
    public int putCount() {
        return puts.get();
    }

    /** LIST requests so far (one per call: the store has no pages). */
    public int listCount() {
        return lists.get();
    }

    /** Requests that change the bucket: every PUT and DELETE. */
    public int writeCount() {
        return puts.get() + deletes.get();
    }

    /** Every request so far. */
    public int requestCount() {
        return gets.get() + puts.get() + lists.get() + deletes.get();
    }

    /** Starts counting from zero; the objects stay. */
    public void resetCounts() {
        gets.set(0);
        puts.set(0);
        lists.set(0);
        deletes.set(0);
    }
}
