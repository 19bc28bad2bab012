package dev.messer.local;

import dev.messer.error.UnavailableException;
import dev.messer.files.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The exclusive lock of one bucket folder: an advisory record lock on its {@code #lock} file, which
 * serialises processes, and a lock shared by every user of the folder in this process, since a JVM
 * may hold a file lock only once. Re-entrant: an action under the lock may take it again. The
 * {@code #lock} file is never read or replaced, so no close of another descriptor can drop the lock.
 */
final class BucketLock {

    static final String FILE = "#lock";

    /** One lock per bucket folder for the whole process. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    /** What must hold before the folder is locked: its trust checked and the folder created. */
    interface Preparation {
        void run() throws IOException;
    }

    /** An action under the lock. */
    interface Action<T> {
        T run() throws IOException;
    }

    private final Path root;
    private final ReentrantLock inProcess;
    private final Preparation prepare;

    BucketLock(Path root, Preparation prepare) {
        this.root = root;
        this.inProcess = IN_PROCESS.computeIfAbsent(root, r -> new ReentrantLock());
        this.prepare = prepare;
    }

    /**
     * Runs {@code action} holding the lock.
     *
     * @param failure turns an {@link IOException} of the action into the store's error
     */
    @SuppressWarnings("try") // the file lock is held while it is open; the body does not use it
    <T> T hold(Action<T> action, Function<IOException, RuntimeException> failure) {
        inProcess.lock();
        try {
            if (inProcess.getHoldCount() > 1) {
                return run(action, failure);
            }
            Path lock = root.resolve(FILE);
            try {
                prepare.run();
                NoFollowReads.attributes(lock);
                try (FileChannel channel = FileChannel.open(lock,
                        Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                        PrivateFiles.ownerOnlyFile());
                     FileLock ignored = channel.lock()) {
                    return run(action, failure);
                }
            } catch (IOException e) {
                throw new UnavailableException("cannot lock " + lock + ": " + e.getMessage(), e);
            }
        } finally {
            inProcess.unlock();
        }
    }

    private static <T> T run(Action<T> action, Function<IOException, RuntimeException> failure) {
        try {
            return action.run();
        } catch (IOException e) {
            throw failure.apply(e);
        }
    }
}
