package dev.messer.local;

import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.error.UnavailableException;
import dev.messer.files.FileTrust;
import dev.messer.files.PrivateFiles;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.BlobVersion;
import dev.messer.store.VersionListing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A bucket as a folder ({@link BucketFolder}): key {@code a/b} is the file {@code a/b}, its user
 * metadata sits beside it in {@code b#meta}. Every file is replaced through a synced temporary file
 * and a rename ({@link FileSteps}), so a reader sees the old file or the new one, never a torn one.
 * Every write, and every read of an object with its metadata, holds the bucket's lock
 * ({@link BucketLock}) across threads and processes: conditional writes are atomic, and a reader
 * never pairs an object with another write's metadata. Files are read without following links and
 * up to a cap ({@link NoFollowReads}). The entity tag is the hex SHA-256 of the content.
 *
 * <p>With {@code keepVersions > 0} the store keeps the last {@code keepVersions} versions of every
 * object (folder markers aside) beside it ({@link KeptVersions}), changed as {@link VersionedWrites}
 * describes: a write that fails leaves no trace in the history, and a deletion is recorded only
 * once the object is gone.
 */
public final class LocalBlobStore implements BlobStore {

    private final BucketFolder folder;
    private final BucketLock lock;
    private final FileSteps steps;
    private final VersionedWrites writes;

    /** A bucket that keeps no old versions. */
    public LocalBlobStore(Path root) {
        this(root, 0, FileTrust.currentUser(), DiskFileSteps.INSTANCE);
    }

    /** @param keepVersions how many versions of each object to keep, the current one included; 0 keeps none */
    public LocalBlobStore(Path root, int keepVersions) {
        this(root, keepVersions, FileTrust.currentUser(), DiskFileSteps.INSTANCE);
    }

    /** @param trust judges the bucket folder and the folder that holds it, on first use */
    public LocalBlobStore(Path root, FileTrust trust) {
        this(root, 0, trust, DiskFileSteps.INSTANCE);
    }

    /** @param steps the file operations that change the folder */
    LocalBlobStore(Path root, int keepVersions, FileTrust trust, FileSteps steps) {
        if (keepVersions < 0) {
            throw new IllegalArgumentException("keepVersions " + keepVersions);
        }
        this.folder = new BucketFolder(root, trust);
        this.steps = steps;
        this.writes = new VersionedWrites(steps, keepVersions, folder.root().toString());
        this.lock = new BucketLock(folder.root(), () -> {
            folder.requireTrusted();
            PrivateFiles.createDirectories(folder.root());
            folder.requireTrusted();
        });
    }

    public Path root() {
        return folder.root();
    }

    @Override
    public Optional<Blob> get(String key) {
        Path file = folder.fileFor(key);
        folder.requireTrusted();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return locked("read", key, () -> read(key, file));
    }

    private Optional<Blob> read(String key, Path file) throws IOException {
        folder.checkNoLinks(key, file);
        byte[] content;
        try {
            content = NoFollowReads.object(file, key, describe());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Map<String, String> metadata = key.endsWith("/") ? Map.of()
                : MetadataLines.user(MetadataLines.read(MetadataLines.besides(file)));
        return Optional.of(new Blob(content, etag(content), metadata));
    }

    @Override
    public void put(String key, byte[] content, Map<String, String> metadata) {
        checkWritable(key, metadata);
        locked("write", key, () -> write(key, content, metadata));
    }

    @Override
    public void putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
        checkWritable(key, metadata);
        locked("write", key, () -> {
            if (Files.exists(folder.fileFor(key), LinkOption.NOFOLLOW_LINKS)) {
                throw new AlreadyExistsException(key + " already exists in " + describe());
            }
            return write(key, content, metadata);
        });
    }

    @Override
    public void putIfMatch(String key, byte[] content, Map<String, String> metadata, String etag) {
        checkWritable(key, metadata);
        locked("write", key, () -> {
            Optional<Blob> current = read(key, folder.fileFor(key));
            if (current.isEmpty() || !current.get().etag().equals(etag)) {
                throw new ConflictException(key + " in " + describe() + " changed since it was read");
            }
            return write(key, content, metadata);
        });
    }

    /** Refuses a bad key or metadata before anything, even the lock file, is written. */
    private void checkWritable(String key, Map<String, String> metadata) {
        folder.fileFor(key);
        MetadataLines.checkWritable(metadata);
    }

    private Void write(String key, byte[] content, Map<String, String> metadata) throws IOException {
        Path target = folder.fileFor(key);
        folder.checkNoLinks(key, target);
        PrivateFiles.createDirectories(target.getParent());
        folder.checkNoLinks(key, target);
        if (key.endsWith("/")) {
            steps.replace(target, content);
        } else {
            writes.write(key, target, content, metadata);
        }
        return null;
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        forEachKey(prefix, keys::add);
        return keys;
    }

    /** {@inheritDoc} The folders are walked in the order of their keys, one folder's names read at a time. */
    @Override
    public void forEachKey(String prefix, Predicate<String> each) {
        folder.requireTrusted();
        if (Files.isDirectory(root(), LinkOption.NOFOLLOW_LINKS)) {
            try {
                folder.walk(root(), "", key -> !key.startsWith(prefix) || each.test(key));
            } catch (IOException e) {
                throw io("list", prefix, e);
            }
        }
    }

    @Override
    public void delete(String key) {
        Path file = folder.fileFor(key);
        folder.requireTrusted();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        locked("delete", key, () -> {
            folder.checkNoLinks(key, file);
            Optional<BasicFileAttributes> object = NoFollowReads.attributes(file);
            if (object.isEmpty() || object.get().isDirectory()) {
                return null;
            }
            if (key.endsWith("/")) {
                steps.delete(file);
            } else {
                writes.delete(key, file, object.get().isRegularFile());
            }
            folder.pruneEmptyParents(file.getParent());
            return null;
        });
    }

    @Override
    public VersionListing versions(String key) {
        Path file = folder.fileFor(key);
        return locked("list the versions of", key, () -> {
            folder.checkNoLinks(key, file);
            return new VersionListing(writes.swept(key, file).list(), writes.keepsVersions());
        });
    }

    @Override
    public Optional<Blob> getVersion(String key, String versionId) {
        Path file = folder.fileFor(key);
        if (!versionId.matches("0|[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        long n = Long.parseLong(versionId);
        return locked("read version " + versionId + " of", key, () -> {
            folder.checkNoLinks(key, file);
            Optional<Blob> version = KeptVersions.read(file, n, key, describe());
            if (version.isEmpty() && n == 0 && KeptVersions.scan(file, key, describe(), steps).isEmpty()) {
                return read(key, file);
            }
            return version;
        });
    }

    /**
     * Finds the keys with version files ({@code b#vN}) under the prefix, live or deleted, and lists
     * each as {@link #versions} does, under the lock: all but the current object's version.
     */
    @Override
    public SortedMap<String, List<BlobVersion>> keptVersions(String prefix) {
        folder.requireTrusted();
        SortedMap<String, List<BlobVersion>> kept = new TreeMap<>();
        if (!Files.isDirectory(root(), LinkOption.NOFOLLOW_LINKS)) {
            return kept;
        }
        return locked("list the versions under", prefix, () -> {
            for (String key : VersionedKeys.under(root(), prefix)) {
                List<BlobVersion> all = versions(key).versions();
                boolean live = Files.isRegularFile(folder.fileFor(key), LinkOption.NOFOLLOW_LINKS);
                List<BlobVersion> older = all.stream().skip(live && !all.isEmpty() && !all.get(0).deleted() ? 1 : 0)
                        .filter(v -> !v.deleted()).toList();
                if (!older.isEmpty()) {
                    kept.put(key, older);
                }
            }
            return kept;
        });
    }

    @Override
    public void purge(String key) {
        if (key.endsWith("/")) {
            delete(key);
            return;
        }
        Path file = folder.fileFor(key);
        locked("purge", key, () -> {
            folder.checkNoLinks(key, file);
            KeptVersions.scan(file, key, describe(), steps).purge();
            steps.delete(file);
            steps.delete(MetadataLines.besides(file));
            if (Files.isDirectory(file.getParent(), LinkOption.NOFOLLOW_LINKS)) {
                folder.pruneEmptyParents(file.getParent());
            }
            return null;
        });
    }

    @Override
    public String describe() {
        return root().toString();
    }

    private <T> T locked(String action, String key, BucketLock.Action<T> work) {
        return lock.hold(work, e -> io(action, key, e));
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
