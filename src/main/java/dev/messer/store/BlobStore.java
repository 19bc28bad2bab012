package dev.messer.store;

import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.error.IntegrityException;
import dev.messer.error.WrittenThenChangedException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Predicate;

/**
 * A bucket: flat keys with {@code /} as a folder separator, as S3 has them. Implemented by a folder
 * on disk and by an S3 bucket; both honour every method, including the conditional writes.
 *
 * <p>A write that took effect is reported as written, even when the answer to it was lost on the
 * way (a server error sent after the object was stored, a timeout) and a retry then found the
 * object changed: by its own write. A store that cannot tell its own write from a refusal reads
 * the object back. Callers of the conditional writes make that sound by writing content no other
 * write has (every sealed item and wrapped key carries a fresh random nonce), so bytes equal to
 * theirs are their write. When the write took effect and another writer then changed the object,
 * the store says so ({@link WrittenThenChangedException}) instead of reporting a refusal, which
 * would mean that nothing was written.
 */
public interface BlobStore {

    /**
     * The largest object read: 4 MiB, well above the largest item accepted (1 MiB of JSON, base64
     * encoded twice). Stores check the size before reading, so a huge object or a device file
     * cannot exhaust memory.
     */
    int MAX_OBJECT_BYTES = 4 * 1024 * 1024;

    /** @throws IntegrityException if the object is larger than {@link #MAX_OBJECT_BYTES} (nothing is read) */
    Optional<Blob> get(String key);

    /** The error for an object above {@link #MAX_OBJECT_BYTES}. */
    static IntegrityException tooLarge(String key, String where, long size) {
        return new IntegrityException("object " + key + " in " + where + " is " + (size < 0 ? "more than "
                + MAX_OBJECT_BYTES : size) + " bytes, above the 4 MiB cap on stored objects, and was not read; "
                + "delete it or restore it from a backup");
    }

    /** Creates or replaces the object unconditionally. */
    void put(String key, byte[] content, Map<String, String> metadata);

    /**
     * Creates the object only if no object has that key.
     *
     * @throws AlreadyExistsException otherwise (nothing was written)
     * @throws WrittenThenChangedException if it was written and then changed by another writer
     */
    void putIfAbsent(String key, byte[] content, Map<String, String> metadata);

    /**
     * Replaces the object only if its current entity tag is {@code etag}.
     *
     * @throws ConflictException otherwise (nothing was written)
     * @throws WrittenThenChangedException if it was written and then changed by another writer
     */
    void putIfMatch(String key, byte[] content, Map<String, String> metadata, String etag);

    /** Every key starting with {@code prefix}, in ascending order, across all pages. */
    List<String> list(String prefix);

    /**
     * Hands every key starting with {@code prefix} to {@code each} in the store's listing order
     * (ascending), page by page, until {@code each} answers false: a caller that keeps none holds at
     * most one page of names, and one that stops early asks for no further page. By default the
     * whole {@link #list}.
     */
    default void forEachKey(String prefix, Predicate<String> each) {
        handOut(list(prefix), each);
    }

    /**
     * Hands {@code keys} to {@code each} in their order until it answers false: a listing read whole,
     * handed out as {@link #forEachKey} hands out a streamed one.
     */
    static void handOut(List<String> keys, Predicate<String> each) {
        for (String key : keys) {
            if (!each.test(key)) {
                return;
            }
        }
    }

    /**
     * The newest entry of every key starting with {@code prefix}, deletions included where the store
     * keeps them, in ascending order of the keys' UTF-8 bytes (S3's listing order), read page by page
     * as the caller moves on: a caller that keeps none holds at most one page. No object is read. By
     * default every key of {@link #list} with the newest of its {@link #versions} (no entity tag, no
     * deleted key).
     */
    default Iterator<LatestVersion> latestVersions(String prefix) {
        return list(prefix).stream().sorted(LatestVersion.KEY_ORDER).flatMap(key -> versions(key).versions().stream()
                .limit(1).map(v -> new LatestVersion(key, v.id(), "", v.size(), v.time(), v.deleted()))).iterator();
    }

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

    /**
     * The kept versions of every key under {@code prefix}, deleted keys included, besides each key's
     * current object: the older versions of a live key, and every version of a deleted one. Deletion
     * records are left out; keys with nothing kept are absent. Each version reads back with
     * {@link #getVersion}. One listing of the prefix (paged through), without reading any version.
     */
    SortedMap<String, List<BlobVersion>> keptVersions(String prefix);

    /** Deletes the object and every kept version and deletion of it; an absent key is not an error. */
    void purge(String key);

    /** For messages: {@code s3://bucket} or the folder path. */
    String describe();
}
