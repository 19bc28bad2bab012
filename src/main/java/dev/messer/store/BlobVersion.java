package dev.messer.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One kept version of an object: the store's id for it, when it was written, whether it records a
 * deletion (an S3 delete marker, or a local deletion) and its size in bytes.
 */
public record BlobVersion(String id, Instant time, boolean deleted, long size) {

    public BlobVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
    }
}
