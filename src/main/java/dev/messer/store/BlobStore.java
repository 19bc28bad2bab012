package dev.messer.store;

import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bucket: flat keys with {@code /} as a folder separator, as S3 has them. Implemented by a folder
 * on disk and by an S3 bucket; both honour every method, including the conditional writes.
 */
public interface BlobStore {

    Optional<Blob> get(String key);

    /** Creates or replaces the object unconditionally. */
    void put(String key, byte[] content, Map<String, String> metadata);

    /** Creates the object only if no object has that key. @throws AlreadyExistsException otherwise */
    void putIfAbsent(String key, byte[] content, Map<String, String> metadata);

    /** Replaces the object only if its current entity tag is {@code etag}. @throws ConflictException otherwise */
    void putIfMatch(String key, byte[] content, Map<String, String> metadata, String etag);

    /** Every key starting with {@code prefix}, in ascending order, across all pages. */
    List<String> list(String prefix);

    /** Deletes the object; deleting an absent key is not an error. */
    void delete(String key);

    /**
     * Every kept version of {@code key}, newest first, deletions included; empty if the store holds
     * no trace of it. The history of a deleted object stays listable until {@link #purge}.
     */
    VersionListing versions(String key);

    /**
     * The content and metadata of one version, as {@link #versions} named it; empty if there is no
     * such version or it records a deletion.
     */
    Optional<Blob> getVersion(String key, String versionId);

    /** Deletes the object and every kept version and deletion of it; an absent key is not an error. */
    void purge(String key);

    /** For messages: {@code s3://bucket} or the folder path. */
    String describe();
}
