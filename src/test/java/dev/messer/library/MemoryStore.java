package dev.messer.library;

import dev.messer.error.UnavailableException;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.BlobVersion;
import dev.messer.store.VersionListing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A store in memory that can be made unavailable, and counts the reads that reach it. */
final class MemoryStore implements BlobStore {

    final Map<String, Blob> objects = new TreeMap<>();
    final AtomicInteger reads = new AtomicInteger();
    volatile boolean down;

    @Override
    public Optional<Blob> get(String key) {
        reach();
        return Optional.ofNullable(objects.get(key));
    }

    @Override
    public List<String> list(String prefix) {
        reach();
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    private void reach() {
        reads.incrementAndGet();
        if (down) {
            throw new UnavailableException("S3 failed GetObject on memory after the retries (connection refused)");
        }
    }

    @Override
    public void put(String key, byte[] content, Map<String, String> metadata) {
        objects.put(key, new Blob(content, "etag-" + objects.size(), metadata));
    }

    @Override
    public void putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
        put(key, content, metadata);
    }

    @Override
    public void putIfMatch(String key, byte[] content, Map<String, String> metadata, String etag) {
        put(key, content, metadata);
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }

    @Override
    public VersionListing versions(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Blob> getVersion(String key, String versionId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<String, List<BlobVersion>> keptVersions(String prefix) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void purge(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String describe() {
        return "memory://secrets";
    }
}
