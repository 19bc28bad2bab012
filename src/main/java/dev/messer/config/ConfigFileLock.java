package dev.messer.config;

import dev.messer.error.ConfigException;
import dev.messer.files.FileErrors;
import dev.messer.files.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises writers of one configuration file, across threads and processes, with an exclusive
 * lock on a lock file beside it, {@code .<name>.lock}, which is never read, replaced or removed.
 * The configuration file itself is not locked: it is read through another descriptor and replaced
 * by a rename, and a POSIX record lock ({@link FileChannel#lock}) is released as soon as the
 * process closes any descriptor of the locked file (see {@link FileLock}), so a lock on the file
 * would be gone once it is read. A writer re-reads the file under the lock, so two {@code configure}
 * runs never overwrite each other's changes. Readers need no lock: they see the old file or the new
 * one.
 */
final class ConfigFileLock {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private ConfigFileLock() {
    }

    /** @param configFile the file itself, not a symbolic link to it: the lock goes beside the file */
    @SuppressWarnings("try") // the file lock is held while it is open; the body does not use it
    static <T> T holding(Path configFile, Supplier<T> action) {
        Path lockFile = lockFileFor(configFile);
        try {
            PrivateFiles.createDirectories(lockFile.getParent());
            lockFile = lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
        } catch (IOException e) {
            throw failed(configFile, lockFile, e);
        }
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        local.lock();
        try {
            if (local.getHoldCount() > 1) {
                return action.get(); // nested: a second descriptor, once closed, would drop the outer lock
            }
            try (FileChannel channel = open(lockFile); FileLock ignored = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw failed(configFile, lockFile, e);
        } finally {
            local.unlock();
        }
    }

    /** {@code .<name>.lock} in the folder of {@code configFile}. */
    static Path lockFileFor(Path configFile) {
        Path file = configFile.toAbsolutePath().normalize();
        return file.resolveSibling("." + file.getFileName() + ".lock");
    }

    /** Opens (or creates, mode 0600) the lock file; a link or anything but a regular file is refused. */
    private static FileChannel open(Path lockFile) throws IOException {
        if (Files.isSymbolicLink(lockFile)) {
            throw notAFile(lockFile, "a symbolic link");
        }
        FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PrivateFiles.ownerOnlyFile());
        if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            channel.close();
            throw notAFile(lockFile, "not a regular file");
        }
        return channel;
    }

    private static ConfigException notAFile(Path lockFile, String what) {
        return new ConfigException("lock file " + lockFile + " is " + what + "; remove it with 'rm " + lockFile
                + "' and run the command again");
    }

    private static ConfigException failed(Path configFile, Path lockFile, IOException e) {
        return new ConfigException("cannot lock config file " + configFile + " with " + lockFile + " ("
                + FileErrors.reason(e) + "); " + FileErrors.fix(e, lockFile.getParent(),
                "check the permissions of its folder"));
    }
}
