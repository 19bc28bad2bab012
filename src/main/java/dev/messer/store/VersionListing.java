package dev.messer.store;

import java.util.List;

/**
 * The versions a store holds of one key, newest first. {@code kept} is false when the store keeps
 * no old versions (an S3 bucket without versioning, a local bucket with {@code local_versions = 0}):
 * then the list holds at most the current object.
 */
public record VersionListing(List<BlobVersion> versions, boolean kept) {

    public VersionListing {
        versions = List.copyOf(versions);
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }
}
