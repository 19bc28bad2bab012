package dev.messer.local;

import dev.messer.files.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** The {@link FileSteps} on the real file system: every write synced before it is renamed into place. */
final class DiskFileSteps implements FileSteps {

    static final DiskFileSteps INSTANCE = new DiskFileSteps();

    /** Every temporary file starts so; under the bucket lock, one that is left over belongs to a dead writer. */
    static final String TEMPORARY_PREFIX = "#tmp-";

    private DiskFileSteps() {
    }

    @Override
    public Path writeTemporary(Path dir, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(dir, TEMPORARY_PREFIX, "", PrivateFiles.ownerOnlyFile());
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return temporary;
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        syncFolder(to.getParent());
    }

    @Override
    public void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Some file systems do not allow opening a folder; the rename is still atomic there.
        }
    }
}
