package dev.messer.bulk;

import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.BlobVersion;
import dev.messer.store.VersionListing;
import java.time.Instant;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A bucket in a map, honouring the conditional writes; counts writes for dry-run tests. */
class InMemoryBlobStore implements BlobStore {

    private final ConcurrentSkipListMap<String, Blob> objects = new ConcurrentSkipListMap<>();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger lists = new AtomicInteger();

    @Override
    public Optional<Blob> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(b -> new Blob(b.content().clone(), b.etag(), b.metadata()));
    }

    @Override
    public void put(String key, byte[] content, Map<String, String> metadata) {
        writes.incrementAndGet();
        objects.put(key, blob(content, metadata));
    }

    @Override
    public synchronized void putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
        if (objects.containsKey(key)) {
            throw new AlreadyExistsException(key + " already exists");
        }
        put(key, content, metadata);
    }

    @Override
    public synchronized void putIfMatch(String key, byte[] content, Map<String, String> metadata, String etag) {
        Blob current = objects.get(key);
        if (current == null || !current.etag().equals(etag)) {
            throw new ConflictException(key + " changed since it was read");
        }
        put(key, content, metadata);
    }

    @Override
    public List<String> list(String prefix) {
        lists.incrementAndGet();
        List<String> keys = new ArrayList<>();
        for (String key : objects.tailMap(prefix).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            keys.add(key);
        }
        return keys;
    }

    @Override
    public void delete(String key) {
        writes.incrementAndGet();
        objects.remove(key);
    }

    /** Keeps no old versions, like an S3 bucket without versioning. */
    @Override
    public VersionListing versions(String key) {
        Blob current = objects.get(key);
        return new VersionListing(current == null ? List.of()
                : List.of(new BlobVersion("null", Instant.EPOCH, false, current.content().length)), false);
    }

    @Override
    public Optional<Blob> getVersion(String key, String versionId) {
        return versionId.equals("null") ? get(key) : Optional.empty();
    }

    @Override
    public void purge(String key) {
        delete(key);
    }

    @Override
    public String describe() {
        return "memory";
    }

    private static Blob blob(byte[] content, Map<String, String> metadata) {
        try {
            return new Blob(content.clone(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
                    metadata);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
