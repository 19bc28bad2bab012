package dev.messer.keys;

import dev.messer.crypto.DataKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link DataKeys} in front of a {@link KeyRing}: one unwrap per version however many items or
 * threads ask, whether they read or write with it (the way the AWS Encryption SDK's caching
 * materials manager sits in front of its backing manager), within {@link DataKeyCacheBounds}: the
 * least recently used version goes when more are kept than the bound allows, and a version unwrapped
 * longer ago than the bound's age is unwrapped again. A version that goes is wiped at once (an expired
 * one at the next call: no thread watches the clock); what it lent lives on, because each caller gets
 * its own copy and closes it. {@link #close()} wipes the cached keys and every copy still lent.
 *
 * <p>A version still being unwrapped is never evicted: the cache may hold one more entry than the
 * bound for each unwrap under way.
 */
public final class CachingDataKeys implements DataKeys {

    private final KeyRing ring;
    private final RingChoice reads;
    private final DataKeyCacheBounds bounds;
    private final LinkedHashMap<KeyRef, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<DataKey> lent = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unwraps = new AtomicInteger();
    private volatile int pruneAt = 64;
    private Instant nextExpiry = Instant.MAX; // guarded by entries
    private volatile boolean closed;

    /** One version: unwrapped once by the caller that put it here; the others wait for it. */
    private static final class Entry {
        final CompletableFuture<Unwrapped> unwrapped = new CompletableFuture<>();
        volatile Instant at;

        boolean ready() {
            return at != null;
        }

        /** Wipes the key now, or as soon as its unwrap finishes. */
        void wipe() {
            unwrapped.thenAccept(key -> key.key().close());
        }
    }

    public CachingDataKeys(KeyRing ring) {
        this(ring, RingChoice.only(ring), DataKeyCacheBounds.COMMAND);
    }

    /**
     * @param ring   the ring whose write rule applies (the home region's)
     * @param reads  which ring unwraps a version (the nearest region that answers)
     * @param bounds how many versions are kept, and for how long
     */
    public CachingDataKeys(KeyRing ring, RingChoice reads, DataKeyCacheBounds bounds) {
        this.ring = ring;
        this.reads = reads;
        this.bounds = bounds;
    }

    /** A copy of the cached key, which the caller closes. */
    @Override
    public DataKey forReading(KeyRef ref) {
        return lend(ref, false);
    }

    /** As {@link #forReading}, after the ring's write rule for the context the version carries (no second unwrap). */
    @Override
    public DataKey forWriting(KeyRef ref) {
        return lend(ref, true);
    }

    private DataKey lend(KeyRef ref, boolean writing) {
        while (true) {
            Unwrapped unwrapped = unwrapped(ref);
            if (writing) {
                ring.checkWritable(ref, unwrapped);
            }
            Optional<DataKey> copy = unwrapped.key().copyUnlessWiped();
            if (copy.isPresent()) {
                return keep(copy.get());
            }
            requireOpen(); // else evicted between the lookup and the copy: look it up again
        }
    }

    private Unwrapped unwrapped(KeyRef ref) {
        Entry entry;
        boolean mine = false;
        List<Entry> gone = new ArrayList<>();
        synchronized (entries) {
            requireOpen();
            sweepExpired(bounds.clock().instant(), gone);
            entry = entries.get(ref);
            if (entry == null) {
                entry = new Entry();
                entries.put(ref, entry);
                mine = true;
            }
        }
        gone.forEach(Entry::wipe);
        if (mine) {
            unwrap(ref, entry);
        }
        try {
            return entry.unwrapped.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    private void unwrap(KeyRef ref, Entry entry) {
        Unwrapped key;
        try {
            unwraps.incrementAndGet();
            key = reads.read(chosen -> chosen.unwrap(ref));
        } catch (RuntimeException | Error failed) {
            synchronized (entries) {
                entries.remove(ref, entry); // a failure is not cached: the next caller tries again
            }
            entry.unwrapped.completeExceptionally(failed);
            throw failed;
        }
        entry.at = bounds.clock().instant();
        entry.unwrapped.complete(key);
        if (closed) {
            // closed while this key was being unwrapped: close() could not wipe it, so wipe it here
            entry.wipe();
            throw new IllegalStateException("data keys closed while " + ref + " was being unwrapped");
        }
        List<Entry> gone = new ArrayList<>();
        synchronized (entries) {
            Instant expiry = expiry(entry.at);
            nextExpiry = nextExpiry.isBefore(expiry) ? nextExpiry : expiry;
            Iterator<Entry> eldestFirst = entries.values().iterator();
            while (entries.size() > bounds.maxKeys() && eldestFirst.hasNext()) {
                Entry eldest = eldestFirst.next();
                if (eldest.ready() && eldest != entry) {
                    eldestFirst.remove();
                    gone.add(eldest);
                }
            }
        }
        gone.forEach(Entry::wipe);
    }

    /** Moves every version unwrapped {@code maxAge} ago or longer into {@code gone}; holds the lock. */
    private void sweepExpired(Instant now, List<Entry> gone) {
        if (now.isBefore(nextExpiry)) {
            return;
        }
        Instant next = Instant.MAX;
        for (Iterator<Entry> all = entries.values().iterator(); all.hasNext(); ) {
            Entry entry = all.next();
            if (!entry.ready()) {
                continue;
            }
            Instant expiry = expiry(entry.at);
            if (now.isBefore(expiry)) {
                next = next.isBefore(expiry) ? next : expiry;
            } else {
                all.remove();
                gone.add(entry);
            }
        }
        nextExpiry = next;
    }

    /** When a key unwrapped at {@code at} expires ({@link Instant#MAX} for an age beyond the time line). */
    private Instant expiry(Instant at) {
        return Duration.between(at, Instant.MAX).compareTo(bounds.maxAge()) <= 0 ? Instant.MAX : at.plus(bounds.maxAge());
    }

    /** Tracks a lent copy so that {@link #close()} wipes it if its caller has not. */
    private DataKey keep(DataKey copy) {
        lent.add(copy);
        if (lent.size() > pruneAt) {
            lent.removeIf(DataKey::isDestroyed);
            pruneAt = Math.max(64, 2 * lent.size());
        }
        if (closed) {
            copy.close();
            requireOpen();
        }
        return copy;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("data keys used after close");
        }
    }

    /** How many times the master key was asked to unwrap (for bulk summaries and tests). */
    public int unwrapCount() {
        return unwraps.get();
    }

    /** How many versions are cached now (unwrapped or being unwrapped). */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    @Override
    public void close() {
        closed = true;
        List<Entry> gone;
        synchronized (entries) {
            gone = new ArrayList<>(entries.values());
            entries.clear();
        }
        gone.forEach(Entry::wipe);
        lent.forEach(DataKey::close);
        lent.clear();
    }

    @Override
    public String toString() {
        return "CachingDataKeys[" + size() + " keys, " + unwrapCount() + " unwraps]";
    }

    /** For tests: the unwrapped keys the cache holds now, by version (not copies: do not close). */
    Map<KeyRef, DataKey> cachedForTest() {
        Map<KeyRef, DataKey> held = new LinkedHashMap<>();
        synchronized (entries) {
            entries.forEach((ref, entry) -> entry.unwrapped.thenAccept(key -> held.put(ref, key.key())));
        }
        return held;
    }
}
