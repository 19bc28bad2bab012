package dev.messer.local;

import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.error.InvalidInputException;
import dev.messer.error.UnavailableException;
import dev.messer.files.PrivateFiles;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A bucket as a folder. Key {@code a/b} is the file {@code a/b}; a folder marker {@code a/} is the
 * file {@code a/#folder}; user metadata sits beside an object in {@code b#meta}. Names containing
 * {@code #} are therefore not accepted as keys. Every write goes to a temporary file that is synced
 * and then renamed into place, so a reader sees the old or the new object, never a torn one.
 * Every write and every read of an object with its metadata holds an exclusive lock on
 * {@code #lock} in the bucket folder (and a lock shared by all instances on that folder in this
 * process), which serialises them across threads and processes: conditional writes are atomic,
 * and a reader never pairs an object with another version's metadata. The entity tag is the hex
 * SHA-256 of the content.
 */
public final class LocalBlobStore implements BlobStore {

    static final String MARKER = "#folder";
    static final String META_SUFFIX = "#meta";
    private static final String LOCK = "#lock";
    private static final String TEMP_PREFIX = "#tmp-";

    /** One lock per bucket folder for the whole process: a JVM may hold a file lock only once. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path root;
    private final ReentrantLock inProcess;

    public LocalBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.inProcess = IN_PROCESS.computeIfAbsent(this.root, r -> new ReentrantLock());
    }

    public Path root() {
        return root;
    }

    @Override
    public Optional<Blob> get(String key) {
        Path file = fileFor(key);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return withLock(() -> read(key, file));
    }

    private Optional<Blob> read(String key, Path file) {
        try {
            byte[] content = Files.readAllBytes(file);
            return Optional.of(new Blob(content, etag(content), readMetadata(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                return Optional.empty();
            }
            throw io("read", key, e);
        }
    }

    @Override
    public void put(String key, byte[] content, Map<String, String> metadata) {
        checkWritable(key, metadata);
        withLock(() -> write(key, content, metadata));
    }

    @Override
    public void putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
        checkWritable(key, metadata);
        withLock(() -> {
            if (Files.exists(fileFor(key))) {
                throw new AlreadyExistsException(key + " already exists in " + describe());
            }
            write(key, content, metadata);
        });
    }

    @Override
    public void putIfMatch(String key, byte[] content, Map<String, String> metadata, String etag) {
        checkWritable(key, metadata);
        withLock(() -> {
            Optional<Blob> current = read(key, fileFor(key));
            if (current.isEmpty() || !current.get().etag().equals(etag)) {
                throw new ConflictException(key + " in " + describe() + " changed since it was read");
            }
            write(key, content, metadata);
        });
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        if (Files.isDirectory(root)) {
            collect(root, "", keys);
        }
        keys.removeIf(k -> !k.startsWith(prefix));
        keys.sort(null);
        return keys;
    }

    @Override
    public void delete(String key) {
        Path file = fileFor(key);
        if (!Files.exists(file) || Files.isDirectory(file)) {
            return;
        }
        withLock(() -> {
            try {
                Files.deleteIfExists(file);
                if (!key.endsWith("/")) {
                    Files.deleteIfExists(metaFile(key));
                }
                pruneEmptyParents(file.getParent());
            } catch (IOException e) {
                throw io("delete", key, e);
            }
        });
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private void collect(Path dir, String prefix, List<String> out) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry)) {
                    collect(entry, prefix + name + "/", out);
                } else if (name.equals(MARKER)) {
                    out.add(prefix);
                } else if (!name.contains("#")) {
                    out.add(prefix + name);
                }
            }
        } catch (IOException e) {
            throw io("list", prefix, e);
        }
    }

    private void write(String key, byte[] content, Map<String, String> metadata) {
        Path target = fileFor(key);
        try {
            PrivateFiles.createDirectories(target.getParent());
            if (!key.endsWith("/")) {
                Path meta = metaFile(key);
                if (metadata.isEmpty()) {
                    Files.deleteIfExists(meta);
                } else {
                    atomicWrite(meta, encodeMetadata(metadata));
                }
            }
            atomicWrite(target, content);
        } catch (IOException e) {
            throw io("write", key, e);
        }
    }

    /** Temp file in the same folder, fsync, rename over the target, fsync the folder. */
    static void atomicWrite(Path target, byte[] content) throws IOException {
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, TEMP_PREFIX, "");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // Some file systems do not allow opening a directory; the rename is still atomic there.
        }
    }

    private void withLock(Runnable action) {
        withLock(() -> {
            action.run();
            return null;
        });
    }

    private <T> T withLock(Supplier<T> action) {
        inProcess.lock();
        try {
            if (inProcess.getHoldCount() > 1) {
                return action.get();
            }
            PrivateFiles.createDirectories(root);
            try (FileChannel channel = FileChannel.open(root.resolve(LOCK),
                    java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PrivateFiles.ownerOnlyFile());
                 FileLock ignored = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UnavailableException("cannot lock " + root.resolve(LOCK) + ": " + e.getMessage(), e);
        } finally {
            inProcess.unlock();
        }
    }

    private void pruneEmptyParents(Path dir) {
        while (dir != null && dir.startsWith(root) && !dir.equals(root)) {
            try {
                Files.delete(dir);
            } catch (IOException e) {
                return;
            }
            dir = dir.getParent();
        }
    }

    private Map<String, String> readMetadata(String key) throws IOException {
        if (key.endsWith("/")) {
            return Map.of();
        }
        try {
            return decodeMetadata(Files.readString(metaFile(key), StandardCharsets.UTF_8));
        } catch (NoSuchFileException | FileAlreadyExistsException e) {
            return Map.of();
        }
    }

    /** Refuses a bad key or metadata before anything, even the lock file, is written. */
    private void checkWritable(String key, Map<String, String> metadata) {
        fileFor(key);
        metadata.forEach((k, v) -> {
            if (k.isEmpty() || k.contains("=") || k.contains("\n") || v.contains("\n")) {
                throw new InvalidInputException("metadata entry '" + k + "' cannot be stored in a local bucket: "
                        + "names must be non-empty without '=' or line breaks, values without line breaks");
            }
        });
    }

    private static byte[] encodeMetadata(Map<String, String> metadata) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(metadata).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> decodeMetadata(String text) {
        Map<String, String> metadata = new TreeMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                metadata.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return metadata;
    }

    private Path fileFor(String key) {
        if (key.isEmpty() || key.contains("#") || key.contains("\\") || key.startsWith("/") || key.contains("//")) {
            throw new InvalidInputException("'" + key + "' is not a valid object key for a local bucket");
        }
        for (String part : key.split("/")) {
            if (part.equals(".") || part.equals("..")) {
                throw new InvalidInputException("'" + key + "' is not a valid object key for a local bucket");
            }
        }
        Path file;
        try {
            file = key.endsWith("/") ? root.resolve(key).resolve(MARKER) : root.resolve(key);
        } catch (InvalidPathException e) {
            throw new InvalidInputException("'" + key + "' is not a valid object key for a local bucket");
        }
        Path normal = file.normalize();
        if (!normal.startsWith(root)) {
            throw new InvalidInputException("'" + key + "' points outside the local bucket");
        }
        return normal;
    }

    private Path metaFile(String key) {
        Path file = fileFor(key);
        return file.resolveSibling(file.getFileName() + META_SUFFIX);
    }

    static String etag(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private UnavailableException io(String action, String key, IOException e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new UnavailableException("cannot " + action + " " + key + " in " + describe() + ": " + detail,
                new UncheckedIOException(e));
    }
}
