package dev.messer.store;

import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory bucket for fast unit tests. Honours the whole {@link BlobStore} contract, including
 * the conditional writes (every method is synchronized, so each is atomic), as MemoryBlobStoreTest
 * proves with the same contract tests as the real stores. Counts reads so that tests can check
 * whether a service touched the store. Keeps every version of every object, as a versioned S3 bucket
 * does.
 */
public final class MemoryBlobStore implements BlobStore {

    private final TreeMap<String, Blob> objects = new TreeMap<>();
    /** Every version of every key ever written, oldest first; null content marks a deletion. */
    private final TreeMap<String, List<Stored>> history = new TreeMap<>();
    private long versionCounter;
    private final AtomicInteger gets = new AtomicInteger();
    private long writes;

    @Override
    public synchronized Optional<Blob> get(String key) {
        gets.incrementAndGet();
        Blob blob = objects.get(key);
        return blob == null ? Optional.empty()
                : Optional.of(new Blob(blob.content().clone(), blob.etag(), blob.metadata()));
    }

    @Override
    public synchronized void put(String key, byte[] content, Map<String, String> metadata) {
        Blob blob = new Blob(content.clone(), "\"" + (++writes) + "\"", metadata);
        objects.put(key, blob);
        remember(key, blob);
    }

    private void remember(String key, Blob blob) {
        if (!key.endsWith("/")) {
            history.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Stored(Long.toString(++versionCounter), Instant.now(), blob));
        }
    }

    @Override
    public synchronized void putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
        if (objects.containsKey(key)) {
            throw new AlreadyExistsException(key + " already exists in " + describe());
        }
        put(key, content, metadata);
    }

    @Override
    public synchronized void putIfMatch(String key, byte[] content, Map<String, String> metadata, String etag) {
        Blob current = objects.get(key);
        if (current == null || !current.etag().equals(etag)) {
            throw new ConflictException(key + " in " + describe() + " changed since it was read");
        }
        put(key, content, metadata);
    }

    @Override
    public synchronized List<String> list(String prefix) {
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
        if (objects.remove(key) != null) {
            remember(key, null);
        }
    }

    @Override
    public synchronized VersionListing versions(String key) {
        List<BlobVersion> versions = new ArrayList<>();
        for (Stored stored : history.getOrDefault(key, List.of())) {
            versions.add(0, new BlobVersion(stored.id(), stored.time(), stored.blob() == null,
                    stored.blob() == null ? 0 : stored.blob().content().length));
        }
        return new VersionListing(versions, true);
    }

    @Override
    public synchronized Optional<Blob> getVersion(String key, String versionId) {
        for (Stored stored : history.getOrDefault(key, List.of())) {
            if (stored.id().equals(versionId) && stored.blob() != null) {
                Blob blob = stored.blob();
                return Optional.of(new Blob(blob.content().clone(), blob.etag(), blob.metadata()));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void purge(String key) {
        objects.remove(key);
        history.remove(key);
    }

    private record Stored(String id, Instant time, Blob blob) {
    }

    @Override
    public String describe() {
        return "memory bucket";
    }

    public int getCount() {
        return gets.get();
    }
}
