package dev.messer.bulk;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Stops a bulk run whose endpoint is gone: once {@link #CONSECUTIVE} items in a row failed because
 * the service could not be reached, or every item that finished over {@link #SPAN_NANOS} did (a
 * run with few items in flight, each waiting for its call's deadline), trying the rest would only
 * print the same failure for each of them. Any other result (done, skipped, another failure) starts
 * the count again. Once open, it stays open for the run. Thread-safe.
 */
final class ConnectionBreaker {

    static final int CONSECUTIVE = 10;
    static final long SPAN_NANOS = 10_000_000_000L;

    private final LongSupplier nanoClock;
    private int streak;
    private long streakStart;
    private String endpoint;
    private String open;

    ConnectionBreaker(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** One item finished with {@code result} ({@code null}: a step that succeeded, such as a read). */
    synchronized void finished(ItemResult result) {
        if (open != null) {
            return;
        }
        if (result == null || result.unreachable() == null) {
            streak = 0;
            return;
        }
        long now = nanoClock.getAsLong();
        if (streak++ == 0) {
            streakStart = now;
        }
        endpoint = result.unreachable();
        if (streak >= CONSECUTIVE || (streak >= 2 && now - streakStart >= SPAN_NANOS)) {
            open = endpoint;
        }
    }

    /** The service and endpoint that stopped the run ("S3 at URL"), once it did. */
    synchronized Optional<String> open() {
        return Optional.ofNullable(open);
    }
}
