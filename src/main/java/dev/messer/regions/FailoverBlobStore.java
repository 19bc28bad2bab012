package dev.messer.regions;

import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.BlobVersion;
import dev.messer.store.ForwardingBlobStore;
import dev.messer.store.VersionListing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Predicate;

/**
 * The secrets bucket of a profile that spans regions: reads go through {@link RegionalReads} to each
 * region's copy (S3 Replication keeps object keys and version ids), listings handed out key by key
 * included; writes, deletes and the description are forwarded to the home region's bucket, whose
 * objects S3 Replication carries to the others.
 */
public final class FailoverBlobStore extends ForwardingBlobStore {

    private final Map<String, BlobStore> byRegion;
    private final RegionalReads reads;

    /**
     * @param home     the home region's bucket, for writes
     * @param byRegion every region's bucket, for reads
     */
    public FailoverBlobStore(BlobStore home, Map<String, BlobStore> byRegion, RegionalReads reads) {
        super(home);
        this.byRegion = Map.copyOf(byRegion);
        this.reads = reads;
    }

    @Override
    public Optional<Blob> get(String key) {
        return reads.read(byRegion, store -> store.get(key), Optional::isEmpty);
    }

    @Override
    public List<String> list(String prefix) {
        return reads.read(byRegion, store -> store.list(prefix), List::isEmpty);
    }

    /**
     * {@inheritDoc} Region by region as {@link #list} reads: a region that fails part-way is marked
     * down and the next resumes past the last key handed out; a secondary region that hands out no new
     * key lags, as an empty listing does, and the next is asked; a stop ends the listing.
     */
    @Override
    public void forEachKey(String prefix, Predicate<String> each) {
        ResumedListing listing = new ResumedListing(prefix, each);
        try {
            reads.read(byRegion, listing::from, handed -> handed == 0);
        } catch (ResumedListing.CallerFailure e) {
            throw e.failure();
        }
    }

    @Override
    public VersionListing versions(String key) {
        return reads.read(byRegion, store -> store.versions(key), VersionListing::isEmpty);
    }

    @Override
    public Optional<Blob> getVersion(String key, String versionId) {
        return reads.read(byRegion, store -> store.getVersion(key, versionId), Optional::isEmpty);
    }

    @Override
    public SortedMap<String, List<BlobVersion>> keptVersions(String prefix) {
        return reads.read(byRegion, store -> store.keptVersions(prefix), SortedMap::isEmpty);
    }
}
