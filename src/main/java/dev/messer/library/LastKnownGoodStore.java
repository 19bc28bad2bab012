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

/**
 * A store seen through a {@link LastKnownGood} copy: every object and listing read is kept in the
 * copy; when the store is unavailable, reads are answered from the copy (and, from then on, without
 * asking the store again). Writes, versions and deletes go to the store alone and are never
 * answered from the copy.
 */
final class LastKnownGoodStore implements BlobStore {

    private final BlobStore store;
    private final LastKnownGood copy;

    LastKnownGoodStore(BlobStore store, LastKnownGood copy) {
        this.store = store;
        this.copy = copy;
    }

    @Override
    public Optional<Blob> get(String key) {
        String name = store.describe() + "/" + key;
        if (copy.offline()) {
            return copy.answer(name, copy.outage()).blob();
        }
        Optional<Blob> blob;
        try {
            blob = store.get(key);
        } catch (UnavailableException e) {
            return copy.answer(name, e).blob();
        }
        copy.remember(name, blob, null);
        return blob;
    }

    @Override
    public List<String> list(String prefix) {
        String name = "listing of " + store.describe() + "/" + prefix;
        if (copy.offline()) {
            return listing(copy.answer(name, copy.outage()), name);
        }
        List<String> keys;
        try {
            keys = store.list(prefix);
        } catch (UnavailableException e) {
            return listing(copy.answer(name, e), name);
        }
        copy.remember(name, Optional.empty(), List.copyOf(keys));
        return keys;
    }

    private List<String> listing(LastKnownGood.Entry entry, String name) {
        if (entry.listing() == null) {
            throw new IllegalStateException("the last-known-good copy holds no listing under " + name);
        }
        return entry.listing();
    }

    @Override
    public void put(String key, byte[] content, Map<String, String> metadata) {
        store.put(key, content, metadata);
    }

    @Override
    public void putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
        store.putIfAbsent(key, content, metadata);
    }

    @Override
    public void putIfMatch(String key, byte[] content, Map<String, String> metadata, String etag) {
        store.putIfMatch(key, content, metadata, etag);
    }

    @Override
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public VersionListing versions(String key) {
        return store.versions(key);
    }

    @Override
    public Optional<Blob> getVersion(String key, String versionId) {
        return store.getVersion(key, versionId);
    }

    @Override
    public SortedMap<String, List<BlobVersion>> keptVersions(String prefix) {
        return store.keptVersions(prefix);
    }

    @Override
    public void purge(String key) {
        store.purge(key);
    }

    @Override
    public String describe() {
        return store.describe();
    }
}
