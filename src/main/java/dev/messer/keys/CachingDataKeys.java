package dev.messer.keys;

import dev.messer.crypto.DataKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link DataKeys} for the life of one command, in front of a {@link KeyRing}: one unwrap per
 * version however many items or threads ask, whether they read or write with it (the way the AWS
 * Encryption SDK's caching materials manager sits in front of its backing manager). The keys belong
 * to this object: {@link #close()} wipes them all.
 */
public final class CachingDataKeys implements DataKeys {

    private final KeyRing ring;
    private final RingChoice reads;
    private final Map<KeyRef, Unwrapped> keys = new ConcurrentHashMap<>();
    private final AtomicInteger unwraps = new AtomicInteger();
    private volatile boolean closed;

    public CachingDataKeys(KeyRing ring) {
        this(ring, RingChoice.only(ring));
    }

    /**
     * @param ring  the ring whose write rule applies (the home region's)
     * @param reads which ring unwraps a version (the nearest region that answers)
     */
    public CachingDataKeys(KeyRing ring, RingChoice reads) {
        this.ring = ring;
        this.reads = reads;
    }

    @Override
    public DataKey forReading(KeyRef ref) {
        return unwrapped(ref).key();
    }

    /** The cached key, after the home ring's write rules for the version as it was unwrapped (no second unwrap). */
    @Override
    public DataKey forWriting(KeyRef ref) {
        Unwrapped unwrapped = unwrapped(ref);
        ring.checkWritable(ref, unwrapped);
        return unwrapped.key();
    }

    private Unwrapped unwrapped(KeyRef ref) {
        if (closed) {
            throw new IllegalStateException("data keys used after close");
        }
        Unwrapped key = keys.computeIfAbsent(ref, r -> {
            unwraps.incrementAndGet();
            return reads.read(chosen -> chosen.unwrap(r));
        });
        if (closed) {
            // closed while this key was being unwrapped: close() could not see it, so wipe it here
            keys.remove(ref, key);
            key.key().close();
            throw new IllegalStateException("data keys closed while " + ref + " was being unwrapped");
        }
        return key;
    }

    /** How many times the master key was asked to unwrap (for bulk summaries and tests). */
    public int unwrapCount() {
        return unwraps.get();
    }

    @Override
    public void close() {
        closed = true;
        for (KeyRef ref : keys.keySet()) {
            Unwrapped key = keys.remove(ref);
            if (key != null) {
                key.key().close();
            }
        }
    }
}
