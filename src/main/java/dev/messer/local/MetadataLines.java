package dev.messer.local;

import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metadata files of a local bucket ({@code <object>#meta}, {@code <object>#v<n>#meta}): one
 * {@code name=value} line per entry, sorted, UTF-8, at most {@link #MAX_BYTES}. Names starting with
 * {@code #} are the store's own ({@link #TIME}, {@link #DELETED}) and never reach the caller.
 */
final class MetadataLines {

    /** The largest metadata file written or read: far above what messer stores (S3 allows 2 KB). */
    static final int MAX_BYTES = 64 * 1024;
    static final String TIME = "#time";
    static final String DELETED = "#deleted";

    private MetadataLines() {
    }

    /** The metadata file beside {@code file}: {@code <file>#meta}. */
    static Path besides(Path file) {
        return file.resolveSibling(file.getFileName() + "#meta");
    }

    /** Refuses metadata that could not be read back as it was given, before anything is written. */
    static void checkWritable(Map<String, String> metadata) {
        metadata.forEach((k, v) -> {
            if (k.isEmpty() || k.startsWith("#") || k.contains("=") || k.contains("\n") || v.contains("\n")) {
                throw new InvalidInputException("metadata entry '" + k + "' cannot be stored in a local bucket: "
                        + "names must be non-empty, not start with '#', without '=' or line breaks, values without line breaks");
            }
        });
        int size = encode(metadata).length;
        if (size > MAX_BYTES - 64) {
            throw new InvalidInputException("metadata of " + size + " bytes cannot be stored in a "
                    + "local bucket, whose metadata files hold at most 64 KiB; store less metadata");
        }
    }

    static byte[] encode(Map<String, String> metadata) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(metadata).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Every entry of the file, the store's own included; empty if there is no file. */
    static Map<String, String> read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = NoFollowReads.read(file, MAX_BYTES, "metadata file " + file, size -> new IntegrityException(
                    "metadata file " + file + " is " + (size < 0 ? "more than " + MAX_BYTES : size) + " bytes, above "
                    + "the 64 KiB cap on metadata, and was not read; delete it or restore it from a backup"));
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        Map<String, String> metadata = new TreeMap<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                metadata.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return metadata;
    }

    /** The caller's entries, without the store's own. */
    static Map<String, String> user(Map<String, String> metadata) {
        Map<String, String> user = new TreeMap<>(metadata);
        user.keySet().removeIf(k -> k.startsWith("#"));
        return user;
    }
}
