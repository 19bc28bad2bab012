package dev.messer.crypto;

import dev.messer.error.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Non-secret key/value pairs bound to a wrapped data key (the KMS encryption context, or the AAD of
 * the local master key). Immutable, ordered by key so that its encodings are canonical.
 */
public final class EncryptionContext {

    private static final EncryptionContext EMPTY = new EncryptionContext(new TreeMap<>());
    private final SortedMap<String, String> pairs;

    private EncryptionContext(SortedMap<String, String> pairs) {
        this.pairs = Collections.unmodifiableSortedMap(pairs);
    }

    public static EncryptionContext empty() {
        return EMPTY;
    }

    public static EncryptionContext of(Map<String, String> pairs) {
        return new EncryptionContext(new TreeMap<>(pairs));
    }

    /** Parses the configuration form {@code team=payments,app=checkout}; blank means empty. */
    public static EncryptionContext parse(String text) {
        TreeMap<String, String> pairs = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("encryption_context entry '" + trimmed
                        + "' is not key=value; write it as key=value,key2=value2");
            }
            pairs.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
        }
        return new EncryptionContext(pairs);
    }

    /** Reads the value stored in object metadata by {@link #toMetadataValue()}. */
    public static EncryptionContext fromMetadataValue(String value) {
        TreeMap<String, String> pairs = new TreeMap<>();
        if (value == null || value.isEmpty()) {
            return EMPTY;
        }
        for (String part : value.split("&")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("stored encryption context is malformed");
            }
            try {
                pairs.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("stored encryption context is malformed (bad %-escape)");
            }
        }
        return new EncryptionContext(pairs);
    }

    public EncryptionContext with(String key, String value) {
        TreeMap<String, String> copy = new TreeMap<>(pairs);
        copy.put(key, value);
        return new EncryptionContext(copy);
    }

    public Map<String, String> asMap() {
        return pairs;
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** ASCII-only form for S3 user metadata: URL-encoded {@code k=v} joined by {@code &}, sorted by key. */
    public String toMetadataValue() {
        StringJoiner joiner = new StringJoiner("&");
        pairs.forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joiner.toString();
    }

    /** Canonical bytes used as associated data: for each pair in key order, u32 length + UTF-8, key then value. */
    public byte[] toAssociatedData() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pairs.forEach((k, v) -> {
            LengthPrefixed.write(out, k);
            LengthPrefixed.write(out, v);
        });
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptionContext other && pairs.equals(other.pairs);
    }

    @Override
    public int hashCode() {
        return pairs.hashCode();
    }

    @Override
    public String toString() {
        return pairs.toString();
    }
}
