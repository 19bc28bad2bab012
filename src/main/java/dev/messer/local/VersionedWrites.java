package dev.messer.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * How {@link LocalBlobStore} changes an object under the bucket's lock, with or without kept
 * versions. With versions, the change is staged as a pending version, the object changes, and only
 * then is the version promoted and the oldest dropped: a change that fails leaves no trace in the
 * history. Once the object changed, the change has happened; what is left pending is finished by
 * the next write or listing of the object.
 */
final class VersionedWrites {

    private final FileSteps steps;
    private final int keepVersions;
    private final String bucket;

    VersionedWrites(FileSteps steps, int keepVersions, String bucket) {
        this.steps = steps;
        this.keepVersions = keepVersions;
        this.bucket = bucket;
    }

    boolean keepsVersions() {
        return keepVersions > 0;
    }

    /** Writes an object (not a folder marker) and its metadata. */
    void write(String key, Path target, byte[] content, Map<String, String> metadata) throws IOException {
        KeptVersions versions = swept(key, target);
        if (keepVersions == 0) {
            writeMetadata(target, metadata);
            steps.replace(target, content);
            return;
        }
        versions.adoptUnversioned();
        long version = versions.stage(content, metadata, false);
        try {
            steps.replace(target, content);
        } catch (IOException | RuntimeException e) {
            discard(versions, version, e);
            throw e;
        }
        finish(versions, version, () -> writeMetadata(target, metadata));
    }

    /** Deletes a regular object, recording the deletion as a version when versions are kept. */
    void delete(String key, Path file, boolean regularFile) throws IOException {
        if (keepVersions == 0 || !regularFile) {
            swept(key, file);
            steps.delete(file);
            steps.delete(MetadataLines.besides(file));
            return;
        }
        KeptVersions versions = swept(key, file);
        versions.adoptUnversioned();
        long version = versions.stage(new byte[0], Map.of(), true);
        try {
            steps.delete(file);
        } catch (IOException | RuntimeException e) {
            discard(versions, version, e);
            throw e;
        }
        finish(versions, version, () -> steps.delete(MetadataLines.besides(file)));
    }

    /** The object's versions, with what an interrupted change left pending finished first. */
    KeptVersions swept(String key, Path file) throws IOException {
        KeptVersions versions = KeptVersions.scan(file, key, bucket, steps);
        versions.sweep();
        return versions;
    }

    /** Without kept versions the metadata goes first, so a key version is never seen without its context. */
    private void writeMetadata(Path object, Map<String, String> metadata) throws IOException {
        if (metadata.isEmpty()) {
            steps.delete(MetadataLines.besides(object));
        } else {
            steps.replace(MetadataLines.besides(object), MetadataLines.encode(metadata));
        }
    }

    /** Before the object changed: the pending version goes, as far as it can; the sweep takes the rest. */
    private static void discard(KeptVersions versions, long version, Exception failure) {
        try {
            versions.discard(version);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** A step after the object changed. */
    private interface Step {
        void run() throws IOException;
    }

    /**
     * After the object changed: its metadata, then the version promoted and the oldest dropped. The
     * write has happened, so a failure here is not the caller's: what is left pending is finished by
     * the next write or listing of the object, under the lock.
     */
    private void finish(KeptVersions versions, long version, Step metadata) {
        try {
            metadata.run();
            versions.commit(version, keepVersions);
        } catch (IOException e) {
            // left for the sweep, which promotes the pending version: it holds what the object holds
        }
    }
}
