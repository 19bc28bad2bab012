package dev.messer.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How much {@link CachingDataKeys} keeps: at most {@code maxKeys} unwrapped versions (the least
 * recently used one goes first), each for at most {@code maxAge} after it was unwrapped (then the
 * next use unwraps it again), as {@code clock} tells the time.
 *
 * @param maxKeys at least 1
 * @param maxAge  positive
 */
public record DataKeyCacheBounds(int maxKeys, Duration maxAge, Clock clock) {

    /**
     * A command's: no bound on either. A run is short and asks for the versions of the items it
     * touches, and every key is wiped when it ends.
     */
    public static final DataKeyCacheBounds COMMAND = new DataKeyCacheBounds(Integer.MAX_VALUE,
            ChronoUnit.FOREVER.getDuration(), Clock.systemUTC());

    public DataKeyCacheBounds {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(clock, "clock");
        if (maxKeys < 1) {
            throw new IllegalArgumentException("the data key cache must hold at least 1 key, not " + maxKeys);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the data key cache must keep a key for a positive time, not " + maxAge);
        }
    }
}
