package dev.messer.bulk;

import dev.messer.store.BlobStore;
import dev.messer.store.ForwardingBlobStore;
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
    protected void beforeConditionalWrite(String key) {
        if (key.equals(victim)) {
            delegate.put(key, replacement, Map.of());
        }
    }
}
