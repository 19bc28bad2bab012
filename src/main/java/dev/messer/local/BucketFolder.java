package dev.messer.local;

import dev.messer.error.AccessDeniedException;
import dev.messer.error.InvalidInputException;
import dev.messer.error.UnavailableException;
import dev.messer.files.FileTrust;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A bucket folder and the paths of its objects: key {@code a/b} is the file {@code a/b}, folder
 * marker {@code a/} is {@code a/#folder}. Keys with {@code #} are refused, so every name with
 * {@code #} belongs to the store. Guards what a path may pass through: the folder and the folder
 * holding it must be the caller's and not writable by others ({@link FileTrust}), no symbolic link
 * inside it is followed, and a resolved folder must lie under it.
 */
final class BucketFolder {

    static final String MARKER = "#folder";
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path root;
    private final FileTrust trust;
    private volatile boolean trusted;

    BucketFolder(Path root, FileTrust trust) {
        this.root = root.toAbsolutePath().normalize();
        this.trust = trust;
    }

    Path root() {
        return root;
    }

    /** The file of {@code key}; refuses keys that are not plain relative paths without {@code #}. */
    Path fileFor(String key) {
        if (key.isEmpty() || key.contains("#") || key.contains("\\") || key.startsWith("/") || key.contains("//")) {
            throw invalid(key);
        }
        for (String part : key.split("/")) {
            if (part.equals(".") || part.equals("..")) {
                throw invalid(key);
            }
        }
        Path file;
        try {
            file = key.endsWith("/") ? root.resolve(key).resolve(MARKER) : root.resolve(key);
        } catch (InvalidPathException e) {
            throw invalid(key);
        }
        Path normal = file.normalize();
        if (!normal.startsWith(root)) {
            throw new InvalidInputException("'" + key + "' points outside the local bucket");
        }
        return normal;
    }

    private static InvalidInputException invalid(String key) {
        return new InvalidInputException("'" + key + "' is not a valid object key for a local bucket");
    }

    /**
     * Refuses the bucket folder, or the folder holding it, when another user owns it or may write it.
     * Checked until the folder exists; a missing folder is created private later.
     */
    void requireTrusted() {
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
    void checkNoLinks(String key, Path file) throws IOException {
        Path at = root;
        for (Path part : root.relativize(file)) {
            at = at.resolve(part);
            if (Files.isSymbolicLink(at)) {
                throw NoFollowReads.linked(at);
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

    /**
     * Hands every object key under {@code dir} to {@code each} in ascending order, until it answers
     * false: the marker first, then each entry in the order of its keys (a folder's as {@code name/}),
     * so that one folder's names are held at a time. Names with {@code #} are the store's own. A
     * folder that is gone by the time the walk reaches it (another command deleted its last object
     * while {@code each} worked on an earlier key) holds no key.
     *
     * @return false once {@code each} answered false
     */
    boolean walk(Path dir, String prefix, Predicate<String> each) throws IOException {
        boolean marker = false;
        SortedMap<String, Path> entries = new TreeMap<>();
        DirectoryStream<Path> opened;
        try {
            opened = Files.newDirectoryStream(dir);
        } catch (NoSuchFileException gone) {
            return true;
        }
        try (DirectoryStream<Path> listing = opened) {
            for (Path entry : listing) {
                String name = entry.getFileName().toString();
                if (Files.isSymbolicLink(entry)) {
                    throw NoFollowReads.linked(entry);
                }
                if (Files.isDirectory(entry, NO_FOLLOW)) {
                    entries.put(name + "/", entry);
                } else if (name.equals(MARKER)) {
                    marker = true;
                } else if (!name.contains("#")) {
                    entries.put(name, entry);
                }
            }
        }
        if (marker && !each.test(prefix)) {
            return false;
        }
        for (Map.Entry<String, Path> entry : entries.entrySet()) {
            String key = prefix + entry.getKey();
            if (!(key.endsWith("/") ? walk(entry.getValue(), key, each) : each.test(key))) {
                return false;
            }
        }
        return true;
    }

    /** Removes {@code dir} and its parents while they are empty, up to the bucket folder. */
    void pruneEmptyParents(Path dir) {
        while (dir != null && dir.startsWith(root) && !dir.equals(root)) {
            try {
                Files.delete(dir);
            } catch (IOException e) {
                return;
            }
            dir = dir.getParent();
        }
    }
}
