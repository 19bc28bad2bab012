package dev.messer.local;

import dev.messer.error.IntegrityException;
import dev.messer.store.Blob;
import dev.messer.store.BlobVersion;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versions kept beside one object file {@code b}, as one scan of its folder found them, and the
 * steps that change them. Every method runs under the bucket lock.
 *
 * <ul>
 *   <li>{@code b#vN} and {@code b#vN#meta}: kept version N, its content (empty for a deletion) and
 *       metadata (the user's, {@code #time}, and {@code #deleted=true} for a deletion). A version
 *       exists once its content file does. N is below 10^18; numbers only grow.</li>
 *   <li>{@code b#pN} and {@code b#pN#meta}: version N of a write or deletion in progress. They are
 *       written before the object changes and promoted to {@code b#vN} (metadata first) only after
 *       it did; versions beyond the limit are dropped only then. Older messer releases ignore them.</li>
 *   <li>{@code #tmp-*}: a file being written, renamed into place when complete.</li>
 * </ul>
 *
 * Since every writer holds the lock, a pending or temporary file found under it was left by a writer
 * that died. {@link #sweep} resolves them: a pending version that holds what the object holds
 * (its bytes, or its absence for a deletion) and lies above every kept one is promoted, as its
 * writer died after changing the object; everything else is deleted.
 */
final class KeptVersions {

    /** The first number a version may not have: every number fits 18 digits. */
    static final long NUMBER_LIMIT = 1_000_000_000_000_000_000L;

    private static final Pattern NUMBERED = Pattern.compile("([vp])(0|[1-9][0-9]{0,17})(#meta)?");

    private final Path file;
    private final String key;
    private final String where;
    private final FileSteps steps;
    private final TreeSet<Long> kept = new TreeSet<>();
    private final Set<Long> keptMeta = new HashSet<>();
    /** Numbers with any pending file; of them, those whose content or metadata is there. */
    private final TreeSet<Long> pending = new TreeSet<>();
    private final Set<Long> pendingContent = new HashSet<>();
    private final Set<Long> pendingMeta = new HashSet<>();
    private final List<Path> temporaries = new ArrayList<>();
    private final List<Path> others = new ArrayList<>();

    private KeptVersions(Path file, String key, String where, FileSteps steps) {
        this.file = file;
        this.key = key;
        this.where = where;
        this.steps = steps;
    }

    /** Reads the folder of {@code file} once: its versions, pending versions and temporary files. */
    static KeptVersions scan(Path file, String key, String where, FileSteps steps) throws IOException {
        KeptVersions versions = new KeptVersions(file, key, where, steps);
        Path dir = file.getParent();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return versions;
        }
        String base = file.getFileName() + "#";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(DiskFileSteps.TEMPORARY_PREFIX)) {
                    versions.temporaries.add(entry);
                } else if (name.startsWith(base)) {
                    versions.classify(entry, name.substring(base.length()));
                }
            }
        }
        return versions;
    }

    private void classify(Path entry, String rest) {
        Matcher m = NUMBERED.matcher(rest);
        if (!m.matches()) {
            if (!rest.equals("meta")) {
                others.add(entry);
            }
            return;
        }
        long n = Long.parseLong(m.group(2));
        boolean meta = m.group(3) != null;
        if (m.group(1).equals("v")) {
            (meta ? keptMeta : kept).add(n);
        } else {
            pending.add(n);
            (meta ? pendingMeta : pendingContent).add(n);
        }
    }

    /**
     * Resolves what dead writers left: deletes temporary files, promotes the pending version that
     * holds what the object holds (and restores the object's metadata file from it), deletes every
     * other pending file, kept metadata without its version, and the metadata of an absent object.
     */
    void sweep() throws IOException {
        for (Path temporary : temporaries) {
            steps.delete(temporary);
        }
        temporaries.clear();
        for (long n : List.copyOf(pending)) {
            if (pendingContent.contains(n) && (pendingMeta.contains(n) || keptMeta.contains(n))
                    && n > newest() && holdsWhatTheObjectHolds(n)) {
                promote(n);
                restoreObjectMetadata(n);
            } else {
                discard(n);
            }
        }
        for (long n : List.copyOf(keptMeta)) {
            if (!kept.contains(n)) {
                steps.delete(metaOf(keptFile(n)));
                keptMeta.remove(n);
            }
        }
        if (NoFollowReads.attributes(file).isEmpty()) {
            steps.delete(MetadataLines.besides(file));
        }
    }

    private boolean holdsWhatTheObjectHolds(long n) throws IOException {
        Path meta = pendingMeta.contains(n) ? metaOf(pendingFile(n)) : metaOf(keptFile(n));
        boolean deletion = "true".equals(MetadataLines.read(meta).get(MetadataLines.DELETED));
        Optional<BasicFileAttributes> object = NoFollowReads.attributes(file);
        if (deletion || object.isEmpty() || !object.get().isRegularFile()) {
            return deletion && object.isEmpty();
        }
        return Arrays.equals(NoFollowReads.object(pendingFile(n), key + " (pending version " + n + ")", where),
                NoFollowReads.object(file, key, where));
    }

    private void restoreObjectMetadata(long n) throws IOException {
        Map<String, String> meta = MetadataLines.read(metaOf(keptFile(n)));
        Map<String, String> user = MetadataLines.user(meta);
        if (user.isEmpty() || "true".equals(meta.get(MetadataLines.DELETED))) {
            steps.delete(MetadataLines.besides(file));
        } else {
            steps.replace(MetadataLines.besides(file), MetadataLines.encode(user));
        }
    }

    /** Records the object as it is, written before versions were kept, as version 0. */
    void adoptUnversioned() throws IOException {
        Optional<BasicFileAttributes> object = NoFollowReads.attributes(file);
        if (!kept.isEmpty() || object.isEmpty() || !object.get().isRegularFile()) {
            return;
        }
        Map<String, String> meta = new TreeMap<>(MetadataLines.user(MetadataLines.read(MetadataLines.besides(file))));
        meta.put(MetadataLines.TIME, object.get().lastModifiedTime().toInstant().toString());
        steps.replace(metaOf(keptFile(0)), MetadataLines.encode(meta));
        keptMeta.add(0L);
        steps.replace(keptFile(0), NoFollowReads.object(file, key, where));
        kept.add(0L);
    }

    /**
     * Writes the next version as pending files, metadata first; the object is not touched.
     *
     * @return its number, for {@link #commit} or {@link #discard}
     * @throws IntegrityException if the next number would reach 10^18 (a planted version)
     */
    long stage(byte[] content, Map<String, String> metadata, boolean deletion) throws IOException {
        long n = kept.isEmpty() ? 1 : newest() + 1;
        if (n >= NUMBER_LIMIT) {
            Path highest = keptFile(newest());
            throw new IntegrityException("object " + key + " in " + where + " has a kept version numbered " + newest()
                    + ", the highest a version can have, so no write can follow it; messer never counts that far, "
                    + "so the file was planted or damaged: check it, remove it with 'rm " + highest + "', and write again");
        }
        Map<String, String> meta = new TreeMap<>(metadata);
        meta.put(MetadataLines.TIME, Instant.now().toString());
        if (deletion) {
            meta.put(MetadataLines.DELETED, "true");
        }
        pending.add(n);
        steps.replace(metaOf(pendingFile(n)), MetadataLines.encode(meta));
        pendingMeta.add(n);
        steps.replace(pendingFile(n), content);
        pendingContent.add(n);
        return n;
    }

    /** Promotes pending version {@code n}, once the object holds it, then drops the oldest beyond {@code keep}. */
    void commit(long n, int keep) throws IOException {
        promote(n);
        while (kept.size() > keep) {
            long oldest = kept.first();
            steps.delete(keptFile(oldest));
            kept.remove(oldest);
            steps.delete(metaOf(keptFile(oldest)));
            keptMeta.remove(oldest);
        }
    }

    private void promote(long n) throws IOException {
        if (pendingMeta.contains(n)) {
            steps.rename(metaOf(pendingFile(n)), metaOf(keptFile(n)));
            pendingMeta.remove(n);
            keptMeta.add(n);
        }
        steps.rename(pendingFile(n), keptFile(n));
        pending.remove(n);
        pendingContent.remove(n);
        kept.add(n);
    }

    /** Deletes pending version {@code n}, content first. */
    void discard(long n) throws IOException {
        steps.delete(pendingFile(n));
        pendingContent.remove(n);
        steps.delete(metaOf(pendingFile(n)));
        pending.remove(n);
        pendingMeta.remove(n);
    }

    /** The kept versions, newest first; an object without any is version 0. */
    List<BlobVersion> list() throws IOException {
        List<BlobVersion> versions = new ArrayList<>();
        for (long n : kept.descendingSet()) {
            BasicFileAttributes content = regular(keptFile(n));
            Map<String, String> meta = MetadataLines.read(metaOf(keptFile(n)));
            boolean deleted = "true".equals(meta.get(MetadataLines.DELETED));
            versions.add(new BlobVersion(Long.toString(n), time(meta, content), deleted, deleted ? 0 : content.size()));
        }
        Optional<BasicFileAttributes> object = NoFollowReads.attributes(file);
        if (versions.isEmpty() && object.isPresent() && object.get().isRegularFile()) {
            versions.add(new BlobVersion("0", object.get().lastModifiedTime().toInstant(), false, object.get().size()));
        }
        return versions;
    }

    /** Kept version {@code n}; empty if there is none or it records a deletion. */
    static Optional<Blob> read(Path file, long n, String key, String where) throws IOException {
        Path content = keptFile(file, n);
        Optional<BasicFileAttributes> attributes = NoFollowReads.attributes(content);
        if (attributes.isEmpty() || attributes.get().isDirectory()) {
            return Optional.empty();
        }
        Map<String, String> meta = MetadataLines.read(metaOf(content));
        if ("true".equals(meta.get(MetadataLines.DELETED))) {
            return Optional.empty();
        }
        byte[] bytes = NoFollowReads.object(content, key + " (version " + n + ")", where);
        return Optional.of(new Blob(bytes, LocalBlobStore.etag(bytes), MetadataLines.user(meta)));
    }

    boolean isEmpty() {
        return kept.isEmpty();
    }

    /** Deletes every file of the object's history, the oldest version first, so that what stays is true. */
    void purge() throws IOException {
        for (Path leftover : concat(temporaries, others)) {
            steps.delete(leftover);
        }
        for (long n : List.copyOf(pending)) {
            discard(n);
        }
        for (long n : List.copyOf(kept)) {
            steps.delete(keptFile(n));
            steps.delete(metaOf(keptFile(n)));
        }
        for (long n : keptMeta) {
            steps.delete(metaOf(keptFile(n)));
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private long newest() {
        return kept.isEmpty() ? -1 : kept.last();
    }

    private BasicFileAttributes regular(Path content) throws IOException {
        BasicFileAttributes attributes = NoFollowReads.attributes(content)
                .orElseThrow(() -> new java.nio.file.NoSuchFileException(content.toString()));
        if (!attributes.isRegularFile()) {
            throw new IntegrityException("kept version " + content + " is not a regular file and was not read; delete it");
        }
        return attributes;
    }

    private static Instant time(Map<String, String> meta, BasicFileAttributes content) {
        String value = meta.get(MetadataLines.TIME);
        try {
            return value == null ? content.lastModifiedTime().toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return content.lastModifiedTime().toInstant();
        }
    }

    private Path keptFile(long n) {
        return keptFile(file, n);
    }

    private static Path keptFile(Path file, long n) {
        return file.resolveSibling(file.getFileName() + "#v" + n);
    }

    private Path pendingFile(long n) {
        return file.resolveSibling(file.getFileName() + "#p" + n);
    }

    private static Path metaOf(Path versionFile) {
        return MetadataLines.besides(versionFile);
    }
}
