package dev.messer.config;

import dev.messer.error.ConfigException;
import dev.messer.files.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises writers of one configuration file, across threads and processes, with an exclusive
 * lock on the file itself. A writer replaces the file by a rename, so a waiting writer may end up
 * holding the lock of a file that is no longer there: after locking, the path must still name the
 * locked file, else it starts again. A writer then re-reads the file under the lock, so two
 * {@code configure} runs never overwrite each other's changes. Readers need no lock: they see the
 * old file or the new one. A file this lock had to create is removed again if the action fails.
 */
final class ConfigFileLock {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private ConfigFileLock() {
    }

    @SuppressWarnings("try") // the file lock is held while it is open; the body does not use it
    static <T> T holding(Path configFile, Supplier<T> action) {
        Path file = configFile.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, p -> new ReentrantLock());
        local.lock();
        try {
            while (true) {
                Object before = fileKey(file);
                boolean created = before == null;
                try (FileChannel channel = created ? create(file) : FileChannel.open(file, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    Object after = fileKey(file);
                    if (after == null || !created && !Objects.equals(before, after)) {
                        continue;
                    }
                    try {
                        return action.get();
                    } catch (RuntimeException e) {
                        if (created && Files.size(file) == 0) {
                            Files.deleteIfExists(file);
                        }
                        throw e;
                    }
                } catch (FileAlreadyExistsException | NoSuchFileException raced) {
                    // created or replaced by another writer between the look and the open: look again
                }
            }
        } catch (IOException e) {
            throw new ConfigException("cannot lock config file " + configFile + " (" + IniFile.reason(e)
                    + "); check its permissions and those of its folder");
        } finally {
            local.unlock();
        }
    }

    private static FileChannel create(Path file) throws IOException {
        PrivateFiles.createDirectories(file.getParent());
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PrivateFiles.ownerOnlyFile());
    }

    private static Object fileKey(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
