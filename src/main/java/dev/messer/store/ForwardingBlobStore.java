package dev.messer.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Predicate;

/**
 * Passes every call to another store: the one base of the stores that sit in front of another (a
 * copy kept aside, reads that fail over between regions, and the tests' counting and interfering
 * stores), so that a method added to {@link BlobStore} is passed on here, once. A subclass overrides
 * the calls it changes, or {@link #beforeConditionalWrite} to act just before each conditional
 * write. {@link #forEachKey} is forwarded too, so a store in front that leaves listings as they are
 * streams them as the store behind does; one that changes {@link #list} changes {@link #forEachKey}
 * the same way. {@link #latestVersions} is not forwarded: it goes through this store's own
 * {@link #list} and {@link #versions}, overridden or not.
 */
public class ForwardingBlobStore implements BlobStore {

    protected final BlobStore delegate;

    public ForwardingBlobStore(BlobStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<Blob> get(String key) {
        return delegate.get(key);
    }

    @Override
    public void put(String key, byte[] content, Map<String, String> metadata) {
        delegate.put(key, content, metadata);
    }

    @Override
    public void putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
        beforeConditionalWrite(key);
        delegate.putIfAbsent(key, content, metadata);
    }

    @Override
    public void putIfMatch(String key, byte[] content, Map<String, String> metadata, String etag) {
        beforeConditionalWrite(key);
        delegate.putIfMatch(key, content, metadata, etag);
    }

    /** Runs before {@link #putIfAbsent} and {@link #putIfMatch} pass the write on; does nothing here. */
    protected void beforeConditionalWrite(String key) {
    }

    @Override
    public List<String> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public void forEachKey(String prefix, Predicate<String> each) {
        delegate.forEachKey(prefix, each);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }

    @Override
    public VersionListing versions(String key) {
        return delegate.versions(key);
    }

    @Override
    public Optional<Blob> getVersion(String key, String versionId) {
        return delegate.getVersion(key, versionId);
    }

    @Override
    public SortedMap<String, List<BlobVersion>> keptVersions(String prefix) {
        return delegate.keptVersions(prefix);
    }

    @Override
    public void purge(String key) {
        delegate.purge(key);
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}
