package dev.messer.edit;

import dev.messer.files.FileTrust;
import dev.messer.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A private folder (0700) for plaintext that must briefly exist as a file, such as an item being
 * edited: in {@code /dev/shm} (memory, never on disk) when the machine has it, else in the temporary
 * folder. Its name, {@code messer-edit-<pid>-<random>}, says which process made it. Closing
 * overwrites every file in it with zeros and deletes them and the folder, whatever else went on,
 * including backup files an editor left beside the file. When the process is ended first (Ctrl-C,
 * {@code kill}), a shutdown hook stops the editor it watches and then does the same. Only SIGKILL
 * (or a power cut) leaves the folder behind; {@link #sweepStale} removes such folders of this user
 * whose process is gone.
 */
public final class ScratchFolder implements AutoCloseable {

    private static final Path SHARED_MEMORY = Path.of("/dev/shm");
    static final String PREFIX = "messer-edit-";
    /** Folders of text kept for the user ({@link #keep}); the sweep's pattern never matches them. */
    public static final String KEPT_PREFIX = PREFIX + "kept-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");
    private static final long STOP_WAIT_MILLIS = 2000;

    private final Path folder;
    private final Thread hook;
    private final Object editor = new Object();
    private boolean starting;
    private Process watched;

    private ScratchFolder(Path folder) {
        this.folder = folder;
        this.hook = new Thread(this::stopAndWipe, "messer-scratch-wipe");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Where scratch folders go: {@code /dev/shm} if it is a writable folder, else {@code fallback}. */
    public static Path base(Path fallback) {
        return Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY) ? SHARED_MEMORY : fallback;
    }

    /** Creates the folder under {@link #base}. */
    public static ScratchFolder create(Path fallback) throws IOException {
        String prefix = PREFIX + ProcessHandle.current().pid() + "-";
        return new ScratchFolder(Files.createTempDirectory(base(fallback), prefix, PrivateFiles.ownerOnlyFolder()));
    }

    /**
     * Wipes the scratch folders that this user's earlier runs left in {@code /dev/shm} and in
     * {@code fallback} when they were killed outright: folders named by a process that no longer runs.
     *
     * @return how many were removed
     */
    public static int sweepStale(Path fallback) {
        FileTrust trust = FileTrust.currentUser();
        int swept = 0;
        for (Path base : List.of(SHARED_MEMORY, fallback)) {
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(base, PREFIX + "*")) {
                for (Path entry : entries) {
                    Matcher name = NAME.matcher(entry.getFileName().toString());
                    if (name.matches() && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                            && trust.ownedByCaller(entry) && !running(name.group(1))) {
                        wipe(entry);
                        swept++;
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // another user's folder, or one that vanished meanwhile: nothing of ours to sweep
            }
        }
        return swept;
    }

    private static boolean running(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public Path folder() {
        return folder;
    }

    /** Creates a new 0600 file in the folder holding {@code content}, or replaces the content of one. */
    public Path write(String name, byte[] content) throws IOException {
        Path file = folder.resolve(name);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            zero(file);
        } else {
            Files.createFile(file, PrivateFiles.ownerOnlyFile());
        }
        Files.write(file, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                LinkOption.NOFOLLOW_LINKS);
        return file;
    }

    /**
     * Keeps {@code content} beyond this run, for a user whose edit could not be saved: as {@code name}
     * (0600) in a new private folder (0700) beside the scratch folders, named
     * {@code messer-edit-kept-<pid>-<random>}. Neither {@link #close} nor {@link #sweepStale} removes
     * it; the user deletes it.
     *
     * @return the kept file
     */
    public Path keep(String name, byte[] content) throws IOException {
        Path kept = Files.createTempDirectory(folder.getParent(), KEPT_PREFIX + ProcessHandle.current().pid() + "-",
                PrivateFiles.ownerOnlyFolder());
        Path file = Files.createFile(kept.resolve(name), PrivateFiles.ownerOnlyFile());
        Files.write(file, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                LinkOption.NOFOLLOW_LINKS);
        return file;
    }

    /**
     * Says that an editor is being started on the folder's files: if the process is ended before
     * {@link #watch} names it, the hook waits for it (a little while) so as to stop it too.
     */
    void starting() {
        synchronized (editor) {
            starting = true;
        }
    }

    /** The editor working on the folder's files (null: none any more): stopped before the wipe if the process is ended. */
    void watch(Process process) {
        synchronized (editor) {
            watched = process;
            starting = false;
            editor.notifyAll();
        }
    }

    /** The editor to stop: the one watched, or the one being started once it is, within {@link #STOP_WAIT_MILLIS}. */
    private Process editorToStop() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS);
        synchronized (editor) {
            for (long left = STOP_WAIT_MILLIS; starting && watched == null && left > 0;
                 left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                editor.wait(left);
            }
            return watched;
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it wipes
        }
        wipe(folder);
    }

    private void stopAndWipe() {
        try {
            Process process = editorToStop();
            if (process != null && process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                if (!process.waitFor(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wipe(folder);
    }

    private static void wipe(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
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
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
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
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
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
