package dev.messer.local;

import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.error.IntegrityException;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.InvalidInputException;
import dev.messer.error.UnavailableException;
import dev.messer.files.FileTrust;
import dev.messer.files.PrivateFiles;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.BlobVersion;
import dev.messer.store.VersionListing;
import java.io.IOException;
import java.io.InputStream;
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
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
 *
 * <p>With {@code keepVersions > 0} the store keeps the last {@code keepVersions} versions of every
 * object (folder markers aside) beside it: version {@code n} of {@code b} is the file {@code b#vn}
 * with its metadata in {@code b#vn#meta}, which also holds the time of the write and whether it was a
 * deletion. Numbers only grow. Like every name with {@code #}, they never appear in a listing. An
 * object written before versions were kept is version 0 until its next write records it.
 *
 * <p>The store trusts nothing it did not make. It never follows a symbolic link inside the bucket
 * folder (nor the bucket folder itself): every folder on the way to an object is checked, objects and
 * the lock file are opened without following links, and the resolved folder must still lie under the
 * bucket folder. The bucket folder and the folder holding it must belong to the caller and not be
 * writable by group or others ({@link FileTrust}); another user who could write there could swap
 * objects.
 */
public final class LocalBlobStore implements BlobStore {

    static final String MARKER = "#folder";
    static final String META_SUFFIX = "#meta";
    private static final String LOCK = "#lock";
    private static final String TEMP_PREFIX = "#tmp-";
    private static final String VERSION_INFIX = "#v";
    private static final String TIME = "#time";
    private static final String DELETED = "#deleted";

    /** One lock per bucket folder for the whole process: a JVM may hold a file lock only once. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path root;
    private final ReentrantLock inProcess;
    private final int keepVersions;
    private final FileTrust trust;
    private volatile boolean trusted;

    /** A bucket that keeps no old versions. */
    public LocalBlobStore(Path root) {
        this(root, 0, FileTrust.currentUser());
    }

    /** @param keepVersions how many versions of each object to keep, the current one included; 0 keeps none */
    public LocalBlobStore(Path root, int keepVersions) {
        this(root, keepVersions, FileTrust.currentUser());
    }

    /** @param trust judges the bucket folder and the folder that holds it, on first use */
    public LocalBlobStore(Path root, FileTrust trust) {
        this(root, 0, trust);
    }

    /**
     * @param keepVersions how many versions of each object to keep, the current one included; 0 keeps none
     * @param trust        judges the bucket folder and the folder that holds it, on first use
     */
    public LocalBlobStore(Path root, int keepVersions, FileTrust trust) {
        if (keepVersions < 0) {
            throw new IllegalArgumentException("keepVersions " + keepVersions);
        }
        this.root = root.toAbsolutePath().normalize();
        this.inProcess = IN_PROCESS.computeIfAbsent(this.root, r -> new ReentrantLock());
        this.keepVersions = keepVersions;
        this.trust = trust;
    }

    public Path root() {
        return root;
    }

    @Override
    public Optional<Blob> get(String key) {
        Path file = fileFor(key);
        requireTrusted();
        if (!Files.exists(file, NO_FOLLOW)) {
            return Optional.empty();
        }
        return withLock(() -> read(key, file));
    }

    private Optional<Blob> read(String key, Path file) {
        try {
            checkNoLinks(key, file);
            if (Files.isDirectory(file, NO_FOLLOW)) {
                return Optional.empty();
            }
            byte[] content = readCapped(key, file);
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

    /** Refuses anything but a regular file, and a file above the cap, before reading more than the cap. */
    private byte[] readCapped(String key, Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw linked(file);
        }
        if (Files.isDirectory(file, NO_FOLLOW) || !Files.exists(file, NO_FOLLOW)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file, NO_FOLLOW)) {
            throw new IntegrityException("object " + key + " in " + describe()
                    + " is not a regular file (a device or a pipe) and was not read; delete it");
        }
        long size = Files.size(file);
        if (size > MAX_OBJECT_BYTES) {
            throw BlobStore.tooLarge(key, describe(), size);
        }
        try (InputStream in = java.nio.channels.Channels.newInputStream(Files.newByteChannel(file,
                java.util.Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
            byte[] content = in.readNBytes(MAX_OBJECT_BYTES + 1);
            if (content.length > MAX_OBJECT_BYTES) {
                throw BlobStore.tooLarge(key, describe(), -1);
            }
            return content;
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
            if (Files.exists(fileFor(key), NO_FOLLOW)) {
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
        requireTrusted();
        List<String> keys = new ArrayList<>();
        if (Files.isDirectory(root, NO_FOLLOW)) {
            collect(root, "", keys);
        }
        keys.removeIf(k -> !k.startsWith(prefix));
        keys.sort(null);
        return keys;
    }

    @Override
    public void delete(String key) {
        Path file = fileFor(key);
        requireTrusted();
        if (!Files.exists(file, NO_FOLLOW) || Files.isDirectory(file, NO_FOLLOW)) {
            return;
        }
        withLock(() -> {
            try {
                checkNoLinks(key, file);
                if (versioned(key) && Files.isRegularFile(file)) {
                    recordVersion(key, new byte[0], Map.of(), true);
                }
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
    public VersionListing versions(String key) {
        Path file = fileFor(key);
        return withLock(() -> {
            try {
                List<BlobVersion> versions = new ArrayList<>();
                for (long n : versionNumbers(file)) {
                    Path content = versionFile(file, n);
                    Map<String, String> meta = readMetadataFile(metaOf(content));
                    Instant time = parseTime(meta.get(TIME), content);
                    boolean deleted = "true".equals(meta.get(DELETED));
                    versions.add(0, new BlobVersion(Long.toString(n), time, deleted, deleted ? 0 : Files.size(content)));
                }
                if (versions.isEmpty() && Files.isRegularFile(file)) {
                    versions.add(new BlobVersion("0", Files.getLastModifiedTime(file).toInstant(), false, Files.size(file)));
                }
                return new VersionListing(versions, keepVersions > 0);
            } catch (IOException e) {
                throw io("list the versions of", key, e);
            }
        });
    }

    @Override
    public Optional<Blob> getVersion(String key, String versionId) {
        Path file = fileFor(key);
        if (!versionId.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        long n = Long.parseLong(versionId);
        return withLock(() -> {
            try {
                checkNoLinks(key, file);
                Path content = versionFile(file, n);
                if (!Files.isRegularFile(content, NO_FOLLOW)) {
                    return n == 0 && versionNumbers(file).isEmpty() ? read(key, file) : Optional.<Blob>empty();
                }
                Map<String, String> meta = readMetadataFile(metaOf(content));
                if ("true".equals(meta.get(DELETED))) {
                    return Optional.<Blob>empty();
                }
                byte[] bytes = readCapped(key, content);
                return Optional.of(new Blob(bytes, etag(bytes), userMetadata(meta)));
            } catch (IOException e) {
                throw io("read version " + versionId + " of", key, e);
            }
        });
    }

    @Override
    public void purge(String key) {
        Path file = fileFor(key);
        if (key.endsWith("/")) {
            delete(key);
            return;
        }
        withLock(() -> {
            try {
                for (long n : versionNumbers(file)) {
                    Path content = versionFile(file, n);
                    Files.deleteIfExists(content);
                    Files.deleteIfExists(metaOf(content));
                }
                Files.deleteIfExists(file);
                Files.deleteIfExists(metaFile(key));
                if (Files.isDirectory(file.getParent())) {
                    pruneEmptyParents(file.getParent());
                }
            } catch (IOException e) {
                throw io("purge", key, e);
            }
        });
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private boolean versioned(String key) {
        return keepVersions > 0 && !key.endsWith("/");
    }

    /**
     * Writes version n+1 of {@code key} beside it (metadata first, the content last, each atomically:
     * a version exists once its content file does), then drops versions beyond the limit. An object
     * written before versions were kept is first recorded as version 0.
     */
    private void recordVersion(String key, byte[] content, Map<String, String> metadata, boolean deleted)
            throws IOException {
        Path file = fileFor(key);
        List<Long> numbers = versionNumbers(file);
        if (numbers.isEmpty() && Files.isRegularFile(file)) {
            Map<String, String> adopted = new TreeMap<>(readMetadata(key));
            adopted.put(TIME, Files.getLastModifiedTime(file).toInstant().toString());
            atomicWrite(metaOf(versionFile(file, 0)), encodeMetadata(adopted));
            atomicWrite(versionFile(file, 0), readCapped(key, file));
            numbers = List.of(0L);
        }
        long next = numbers.isEmpty() ? 1 : numbers.get(numbers.size() - 1) + 1;
        Map<String, String> meta = new TreeMap<>(metadata);
        meta.put(TIME, Instant.now().toString());
        if (deleted) {
            meta.put(DELETED, "true");
        }
        Path version = versionFile(file, next);
        atomicWrite(metaOf(version), encodeMetadata(meta));
        atomicWrite(version, content);
        List<Long> all = new ArrayList<>(numbers);
        all.add(next);
        for (int i = 0; i < all.size() - keepVersions; i++) {
            Path old = versionFile(file, all.get(i));
            Files.deleteIfExists(old);
            Files.deleteIfExists(metaOf(old));
        }
    }

    /** The numbers of the kept versions of the object at {@code file}, ascending. */
    private static List<Long> versionNumbers(Path file) throws IOException {
        List<Long> numbers = new ArrayList<>();
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            return numbers;
        }
        String prefix = file.getFileName() + VERSION_INFIX;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(prefix)) {
                    continue;
                }
                String rest = entry.getFileName().toString().substring(prefix.length());
                if (rest.matches("[0-9]{1,18}")) {
                    numbers.add(Long.parseLong(rest));
                }
            }
        }
        numbers.sort(null);
        return numbers;
    }

    private static Path versionFile(Path file, long n) {
        return file.resolveSibling(file.getFileName() + VERSION_INFIX + n);
    }

    private static Path metaOf(Path file) {
        return file.resolveSibling(file.getFileName() + META_SUFFIX);
    }

    private static Map<String, String> readMetadataFile(Path meta) throws IOException {
        try {
            return decodeMetadata(Files.readString(meta, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Map.of();
        }
    }

    private static Instant parseTime(String value, Path content) throws IOException {
        try {
            return value == null ? Files.getLastModifiedTime(content).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return Files.getLastModifiedTime(content).toInstant();
        }
    }

    /** The caller's metadata, without the entries the store keeps for itself. */
    private static Map<String, String> userMetadata(Map<String, String> meta) {
        Map<String, String> user = new TreeMap<>(meta);
        user.keySet().removeIf(k -> k.startsWith("#"));
        return user;
    }

    private void collect(Path dir, String prefix, List<String> out) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isSymbolicLink(entry)) {
                    throw linked(entry);
                }
                if (Files.isDirectory(entry, NO_FOLLOW)) {
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
            checkNoLinks(key, target);
            PrivateFiles.createDirectories(target.getParent());
            checkNoLinks(key, target);
            if (versioned(key)) {
                recordVersion(key, content, metadata, false);
            }
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

    @SuppressWarnings("try") // the file lock is held while it is open; the body does not use it
    private <T> T withLock(Supplier<T> action) {
        inProcess.lock();
        try {
            if (inProcess.getHoldCount() > 1) {
                return action.get();
            }
            requireTrusted();
            PrivateFiles.createDirectories(root);
            requireTrusted();
            if (Files.isSymbolicLink(root.resolve(LOCK))) {
                throw linked(root.resolve(LOCK));
            }
            try (FileChannel channel = FileChannel.open(root.resolve(LOCK),
                    java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
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
            return userMetadata(decodeMetadata(new String(readNoFollow(metaFile(key)), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException | FileAlreadyExistsException e) {
            return Map.of();
        }
    }

    /** Refuses a bad key or metadata before anything, even the lock file, is written. */
    private void checkWritable(String key, Map<String, String> metadata) {
        fileFor(key);
        metadata.forEach((k, v) -> {
            if (k.isEmpty() || k.startsWith("#") || k.contains("=") || k.contains("\n") || v.contains("\n")) {
                throw new InvalidInputException("metadata entry '" + k + "' cannot be stored in a local bucket: "
                        + "names must be non-empty, not start with '#', without '=' or line breaks, values without line breaks");
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

    /**
     * Refuses the bucket folder, or the folder holding it, when another user owns it or may write it.
     * Checked once per instance; a missing folder is created private later.
     */
    private void requireTrusted() {
        if (trusted) {
            return;
        }
        Path container = root.getParent();
        if (container != null && Files.isDirectory(container)) {
            try {
                trust.requirePrivate(container.toRealPath(), "local_root");
            } catch (IOException e) {
                throw new UnavailableException("cannot read " + container + ": " + e.getMessage(), e);
            }
        }
        trust.requirePrivate(root, "bucket folder");
        trusted = Files.isDirectory(root, NO_FOLLOW);
    }

    /**
     * Refuses a key whose path passes through a symbolic link, or ends on one, inside the bucket
     * folder, and one whose folder resolves outside it.
     */
    private void checkNoLinks(String key, Path file) throws IOException {
        Path at = root;
        for (Path part : root.relativize(file)) {
            at = at.resolve(part);
            if (Files.isSymbolicLink(at)) {
                throw linked(at);
            }
            if (!Files.exists(at, NO_FOLLOW)) {
                return;
            }
        }
        Path folder = file.getParent();
        if (Files.isDirectory(folder, NO_FOLLOW) && !folder.toRealPath().startsWith(root.toRealPath())) {
            throw new AccessDeniedException("'" + key + "' resolves outside the local bucket " + root
                    + "; check the folders under it for links or mounts");
        }
    }

    private static AccessDeniedException linked(Path link) {
        return new AccessDeniedException(link + " is a symbolic link, which messer never follows inside local_root; "
                + "remove the link with 'rm " + link + "' and put the real folder or file there");
    }

    private static byte[] readNoFollow(Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file,
                java.util.Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            return java.nio.channels.Channels.newInputStream(channel).readAllBytes();
        } catch (java.nio.file.FileSystemException e) {
            if (Files.isSymbolicLink(file)) {
                throw linked(file);
            }
            throw e;
        }
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
