package dev.messer.local;

import dev.messer.error.AccessDeniedException;
import dev.messer.error.IntegrityException;
import dev.messer.store.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * How the local store reads every file in a bucket folder: never through a symbolic link, only
 * regular files, and never more than a cap, checked before reading and again while reading. A link
 * to {@code /dev/zero} or a file of gigabytes is refused with one line that names it.
 */
final class NoFollowReads {

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private NoFollowReads() {
    }

    /**
     * The bytes of {@code file}.
     *
     * @param what      names the file in messages ("object dev/bag/db in /data/secrets")
     * @param tooLarge  the error for a file above {@code cap}, given its size (-1 when it grew while read)
     * @throws NoSuchFileException if there is no file, or a folder, at {@code file}
     * @throws AccessDeniedException if it is a symbolic link
     * @throws IntegrityException if it is a device or a pipe, or above the cap
     */
    static byte[] read(Path file, int cap, String what, LongFunction<IntegrityException> tooLarge) throws IOException {
        BasicFileAttributes attributes = attributes(file).orElseThrow(() -> new NoSuchFileException(file.toString()));
        if (attributes.isDirectory()) {
            throw new NoSuchFileException(file.toString());
        }
        if (!attributes.isRegularFile()) {
            throw new IntegrityException(what + " is not a regular file (a device or a pipe) and was not read; delete it");
        }
        if (attributes.size() > cap) {
            throw tooLarge.apply(attributes.size());
        }
        try (InputStream in = Channels.newInputStream(Files.newByteChannel(file,
                Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
            byte[] content = in.readNBytes(cap + 1);
            if (content.length > cap) {
                throw tooLarge.apply(-1);
            }
            return content;
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(file)) {
                throw linked(file);
            }
            throw e;
        }
    }

    /** The bytes of the object file of {@code key}, capped at {@link BlobStore#MAX_OBJECT_BYTES}. */
    static byte[] object(Path file, String key, String where) throws IOException {
        return read(file, BlobStore.MAX_OBJECT_BYTES, "object " + key + " in " + where,
                size -> BlobStore.tooLarge(key, where, size));
    }

    /**
     * The attributes of {@code file} itself, empty if there is none.
     *
     * @throws AccessDeniedException if it is a symbolic link
     */
    static Optional<BasicFileAttributes> attributes(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, NO_FOLLOW);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (attributes.isSymbolicLink()) {
            throw linked(file);
        }
        return Optional.of(attributes);
    }

    static AccessDeniedException linked(Path link) {
        return new AccessDeniedException(link + " is a symbolic link, which messer never follows inside local_root; "
                + "remove the link with 'rm " + link + "' and put the real folder or file there");
    }
}
