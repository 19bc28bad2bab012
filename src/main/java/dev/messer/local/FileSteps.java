package dev.messer.local;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The operations that change files in a bucket folder, one step each. A write can be cut short after
 * any step (an error, a full disk, a killed process); the store orders its steps so that whatever
 * prefix of them ran, the next sweep under the lock restores a true history ({@link KeptVersions}).
 * The store uses {@link DiskFileSteps}; tests of this package put in steps that fail or halt.
 */
interface FileSteps {

    /**
     * Writes {@code content} to a new owner-only file {@code #tmp-*} in {@code dir} and syncs it to
     * disk; a failed write leaves no file.
     *
     * @return the new file
     */
    Path writeTemporary(Path dir, byte[] content) throws IOException;

    /** Renames {@code from} over {@code to}, atomically where the file system can, and syncs the folder. */
    void rename(Path from, Path to) throws IOException;

    /** Deletes {@code file} if it exists; a link is deleted, never followed. */
    void delete(Path file) throws IOException;

    /**
     * Writes {@code content} to a temporary file and renames it over {@code target}, so that a reader
     * finds the old file or the new one, never a part of either.
     */
    default void replace(Path target, byte[] content) throws IOException {
        Path temporary = writeTemporary(target.getParent(), content);
        try {
            rename(temporary, target);
        } catch (IOException | RuntimeException e) {
            try {
                delete(temporary);
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
