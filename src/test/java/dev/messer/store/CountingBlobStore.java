package dev.messer.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Counts the requests made of any store, as S3 would bill them: GET (of an object or of one of its
 * versions), PUT (conditional or not), LIST (of keys or of versions), DELETE.
 */
public final class CountingBlobStore extends ForwardingBlobStore {

    private final AtomicInteger gets = new AtomicInteger();
    private final AtomicInteger puts = new AtomicInteger();
    private final AtomicInteger lists = new AtomicInteger();
    private final AtomicInteger deletes = new AtomicInteger();

    public CountingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    @Override
    public Optional<Blob> get(String key) {
        gets.incrementAndGet();
        return super.get(key);
    }

    @Override
    public Optional<Blob> getVersion(String key, String versionId) {
        gets.incrementAndGet();
        return super.getVersion(key, versionId);
    }

    @Override
    public void put(String key, byte[] content, Map<String, String> metadata) {
        puts.incrementAndGet();
        super.put(key, content, metadata);
    }

    @Override
    public void putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
        puts.incrementAndGet();
        super.putIfAbsent(key, content, metadata);
    }

    @Override
    public void putIfMatch(String key, byte[] content, Map<String, String> metadata, String etag) {
        puts.incrementAndGet();
        super.putIfMatch(key, content, metadata, etag);
    }

    @Override
    public List<String> list(String prefix) {
        lists.incrementAndGet();
        return super.list(prefix);
    }

    /** One LIST, as a listing of up to one page is. */
    @Override
    public void forEachKey(String prefix, Predicate<String> each) {
        lists.incrementAndGet();
        super.forEachKey(prefix, each);
    }

    @Override
    public VersionListing versions(String key) {
        lists.incrementAndGet();
        return super.versions(key);
    }

    @Override
    public SortedMap<String, List<BlobVersion>> keptVersions(String prefix) {
        lists.incrementAndGet();
        return super.keptVersions(prefix);
    }

    @Override
    public void delete(String key) {
        deletes.incrementAndGet();
        super.delete(key);
    }

    @Override
    public void purge(String key) {
        deletes.incrementAndGet();
        super.purge(key);
    }

    public int getCount() {
        return gets.get();
    }

    public int putCount() {
        return puts.get();
    }

    public int requestCount() {
        return gets.get() + puts.get() + lists.get() + deletes.get();
    }

    public void resetCounts() {
        gets.set(0);
        puts.set(0);
        lists.set(0);
        deletes.set(0);
    }
}
