package dev.messer.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the requests made of any store, as S3 would bill them: GET, PUT (conditional or not), LIST. */
public final class CountingBlobStore extends ForwardingBlobStore {

    private final AtomicInteger gets = new AtomicInteger();
    private final AtomicInteger puts = new AtomicInteger();
    private final AtomicInteger lists = new AtomicInteger();

    public CountingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    @Override
    public Optional<Blob> get(String key) {
        gets.incrementAndGet();
        return super.get(key);
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

    public int getCount() {
        return gets.get();
    }

    public int putCount() {
        return puts.get();
    }

    public int requestCount() {
        return gets.get() + puts.get() + lists.get();
    }

    public void resetCounts() {
        gets.set(0);
        puts.set(0);
        lists.set(0);
    }
}
