package dev.messer.edit;

import dev.messer.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private folder (0700) for plaintext that must briefly exist as a file, such as an item being
 * edited: in {@code /dev/shm} (memory, never on disk) when the machine has it, else in the temporary
 * folder. Closing overwrites every file in it with zeros and deletes them and the folder, whatever
 * else went on, including backup files an editor left beside the file; a shutdown hook does the
 * same if the process is ended first.
 */
public final class ScratchFolder implements AutoCloseable {

    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    private final Path folder;
    private final Thread hook;

    private ScratchFolder(Path folder) {
        this.folder = folder;
        this.hook = new Thread(this::wipe, "messer-scratch-wipe");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Creates the folder under {@code /dev/shm} if it is a writable folder, else under {@code fallback}. */
    public static ScratchFolder create(Path fallback) throws IOException {
        Path base = Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY) ? SHARED_MEMORY : fallback;
        return new ScratchFolder(Files.createTempDirectory(base, "messer-", PrivateFiles.ownerOnlyFolder()));
    }

    public Path folder() {
        return folder;
    }

    /** Creates a new 0600 file in the folder holding {@code content}. */
    public Path write(String name, byte[] content) throws IOException {
        Path file = Files.createFile(folder.resolve(name), PrivateFiles.ownerOnlyFile());
        Files.write(file, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it wipes
        }
        wipe();
    }

    private void wipe() {
        if (!Files.exists(folder)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + " to wipe it; delete it by hand", e);
        }
        IOException failure = null;
        for (Path path : paths) {
            try {
                if (Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    zero(path);
                }
                Files.deleteIfExists(path);
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new UncheckedIOException("cannot wipe " + folder + "; delete it by hand", failure);
        }
    }

    private static void zero(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer zeros = ByteBuffer.allocate(8192);
            for (long written = 0; written < size; ) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), size - written));
                written += channel.write(zeros, written);
            }
            channel.force(true);
        }
    }
}
