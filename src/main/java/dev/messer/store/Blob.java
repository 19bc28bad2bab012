package dev.messer.store;

import java.util.Map;
import java.util.Objects;

/** One stored object: its bytes, the entity tag the store gave it, and its user metadata. */
public record Blob(byte[] content, String etag, Map<String, String> metadata) {

    public Blob {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(etag, "etag");
        metadata = Map.copyOf(metadata);
    }

    @Override
    public String toString() {
        return "Blob[" + content.length + " bytes, etag " + etag + "]";
    }
}
