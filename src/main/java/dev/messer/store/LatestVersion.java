package dev.messer.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * The newest entry a store holds for one key, as a listing gives it: the version id ({@code "null"}
 * for an object written without versioning), its entity tag (empty for a deletion, or when the
 * store gives none), its size, when it was written, and whether it records a deletion (an S3 delete
 * marker).
 */
public record LatestVersion(String key, String versionId, String etag, long size, Instant modified,
                            boolean deleted) {

    /**
     * The order of S3's listings: by the keys' UTF-8 bytes, which is the order of their code points
     * (Java's own string order differs for characters above U+FFFF).
     */
    public static final Comparator<String> KEY_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    public LatestVersion {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(modified, "modified");
    }
}
