package dev.messer.keys;

import dev.messer.crypto.DataKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unwrapped data keys for the life of one command, one unwrap per (name, version) however many
 * items or threads ask. The cache owns the keys it hands out: callers must not close them, and
 * {@link #close()} wipes them all.
 */
public final class DataKeyCache implements AutoCloseable {

    private final KeyRing ring;
    private final Map<KeyRef, KeyRing.Unwrapped> keys = new ConcurrentHashMap<>();
    private final AtomicInteger unwraps = new AtomicInteger();
    private volatile boolean closed;

    public DataKeyCache(KeyRing ring) {
        this.ring = ring;
    }

    /** The key to decrypt with. */
    public DataKey get(KeyRef ref) {
        return unwrapped(ref).key();
    }

    /**
     * The key to encrypt with: also refuses a version this profile must not write with
     * ({@link KeyRing#checkWritable}).
     */
    public DataKey forWriting(KeyRef ref) {
        KeyRing.Unwrapped unwrapped = unwrapped(ref);
        ring.checkWritable(ref, unwrapped.context());
        return unwrapped.key();
    }

    private KeyRing.Unwrapped unwrapped(KeyRef ref) {
        if (closed) {
            throw new IllegalStateException("data key cache used after close");
        }
        KeyRing.Unwrapped key = keys.computeIfAbsent(ref, r -> {
            unwraps.incrementAndGet();
            return ring.unwrapWithContext(r);
        });
        if (closed) {
            // closed while this key was being unwrapped: close() could not see it, so wipe it here
            keys.remove(ref, key);
            key.key().close();
            throw new IllegalStateException("data key cache closed while " + ref + " was being unwrapped");
        }
        return key;
    }

    /** How many times the master key was asked to unwrap (for bulk summaries and tests). */
    public int unwrapCount() {
        return unwraps.get();
    }

    public KeyRing ring() {
        return ring;
    }

    @Override
    public void close() {
        closed = true;
        for (KeyRef ref : keys.keySet()) {
            KeyRing.Unwrapped key = keys.remove(ref);
            if (key != null) {
                key.key().close();
            }
        }
    }
}
