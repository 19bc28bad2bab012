package dev.messer.bulk;

import dev.messer.store.BlobStore;
import java.util.Map;

/**
 * Another writer, deterministically: just before the run's conditional write to {@code victim},
 * replaces that object with {@code replacement}.
 */
class InterferingBlobStore extends ForwardingBlobStore {

    private final String victim;
    private final byte[] replacement;

    InterferingBlobStore(BlobStore delegate, String victim, byte[] replacement) {
        super(delegate);
        this.victim = victim;
        this.replacement = replacement;
    }

    @Override
    public void putIfMatch(String key, byte[] content, Map<String, String> metadata, String etag) {
        interfere(key);
        super.putIfMatch(key, content, metadata, etag);
    }

    @Override
    public void putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
        interfere(key);
        super.putIfAbsent(key, content, metadata);
    }

    private void interfere(String key) {
        if (key.equals(victim)) {
            delegate.put(key, replacement, Map.of());
        }
    }
}
