package dev.messer.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Folders and files only the owner can use: 0700 folders, 0600 files. */
public final class PrivateFiles {

    private PrivateFiles() {
    }

    public static FileAttribute<Set<PosixFilePermission>> ownerOnlyFile() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }

    public static FileAttribute<Set<PosixFilePermission>> ownerOnlyFolder() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    }

    /** Creates {@code dir} and any missing parents with mode 0700; existing folders are left as they are. */
    public static void createDirectories(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.toAbsolutePath().getParent());
        try {
            Files.createDirectory(dir, ownerOnlyFolder());
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /**
     * Creates {@code file} (mode 0600) holding {@code content}, all or nothing, and only if no file
     * of that name exists: the bytes go to a temporary file in the same folder, are synced, and the
     * temporary file is then hard-linked under the final name, which fails rather than replace
     * anything. A full disk or a crash leaves no file, or an empty one, under the final name.
     *
     * @throws FileAlreadyExistsException if {@code file} exists (a symbolic link included)
     */
    public static void createNew(Path file, byte[] content) throws IOException {
        createNew(file, content, PrivateFiles::writeFully);
    }

    /** How bytes reach a file: {@link #writeFully}, or in tests one that fails as a full disk does. */
    @FunctionalInterface
    interface ChannelWrite {
        void write(FileChannel channel, byte[] content) throws IOException;
    }

    static void createNew(Path file, byte[] content, ChannelWrite write) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        try {
            createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new FileSystemException(e.getFile(), null, "Not a directory"); // not "file exists"
        }
        Path temp = Files.createTempFile(dir, ".messer-new-", ".tmp", ownerOnlyFile());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                write.write(channel, content);
            }
            Files.createLink(file, temp);
            syncFolder(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes every byte and syncs them to the device. */
    public static void writeFully(FileChannel channel, byte[] content) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(true);
    }

    /** Syncs a folder, so that a name just linked or renamed in it survives a crash; best effort. */
    public static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can open or sync a folder: the data itself was synced
        }
    }
}
