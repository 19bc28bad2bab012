package dev.messer.bulk;

import java.util.function.LongSupplier;

/**
 * How many items a bulk run keeps in flight, chosen from what the run measures, the way the AWS CRT
 * S3 client aims at a throughput instead of a fixed connection count. The run is cut into periods;
 * a period ends once at least {@link #PERIOD_NANOS} have passed and as many items finished as the
 * limit allows in flight (every slot turned over at least once). At the end of each period:
 * <ul>
 *   <li>throttling seen during the period (an item throttled past its retries, or any throttled
 *       answer the provider counted, retried or not): the limit halves, down to 1, and stays there
 *       for {@link #SETTLED_PERIODS} periods;</li>
 *   <li>the first period at a limit measures the throughput there; the limit then doubles (up to
 *       the upper bound);</li>
 *   <li>a period after the limit doubled: if throughput rose by at least {@link #GAIN} over the
 *       limit before, it doubles again; if not, it goes back to the limit before and stays there;</li>
 *   <li>a limit that stayed {@link #SETTLED_PERIODS} periods is probed again (doubled once, kept only
 *       if throughput rises over the mean of those periods), so that a slower link or a throttle that
 *       ended is noticed.</li>
 * </ul>
 * Where the server is the bottleneck (moto answers one request at a time), more items in flight add
 * only waiting, throughput does not rise, and the limit stays where it started; where the link's
 * latency is (a far region), each doubling raises throughput until the latency is hidden. The limit
 * never grows in a period that saw throttling, and shrinks at the end of it: the SDK's adaptive
 * retry mode slows its own sending on the same answers, and the two back off together. A pinned
 * limit ({@code --parallel N}) never moves. Thread-safe.
 */
final class AdaptiveConcurrency {

    /** Where an unpinned run starts: today's fixed default, enough for moto and a near region. */
    static final int INITIAL = 8;
    /** The shortest period: long enough for a rate that noise on a shared machine does not swamp. */
    static final long PERIOD_NANOS = 500_000_000L;
    /** How much throughput must rise for a doubled limit to be kept. */
    static final double GAIN = 0.15;
    /** Periods a limit stays after a probe that did not pay, or after throttling, before it is probed again. */
    static final int SETTLED_PERIODS = 8;

    private enum State { MEASURE, PROBE, SETTLED }

    private final int max;
    private final boolean pinned;
    private final LongSupplier nanoClock;
    private final LongSupplier throttles;
    private final int initial;

    private int limit;
    private State state = State.MEASURE;
    /** The limit before the last doubling, and the throughput measured there (items/s). */
    private int fallback;
    private double baseline;
    private double settledSum;
    private int settledPeriods;

    private long periodStart;
    private int periodItems;
    private boolean periodThrottled;
    private long throttlesSeen;

    private int peak;
    private int increases;
    private int decreases;

    private AdaptiveConcurrency(int initial, int max, boolean pinned, LongSupplier nanoClock, LongSupplier throttles) {
        this.initial = initial;
        this.limit = initial;
        this.peak = initial;
        this.fallback = initial;
        this.max = max;
        this.pinned = pinned;
        this.nanoClock = nanoClock;
        this.throttles = throttles;
        this.periodStart = nanoClock.getAsLong();
        this.throttlesSeen = throttles.getAsLong();
    }

    /**
     * A limit that starts at {@link #INITIAL} and moves between 1 and {@code max}.
     *
     * @param throttles how many throttled answers the provider has seen so far (retried or not)
     */
    static AdaptiveConcurrency adaptive(int max, LongSupplier nanoClock, LongSupplier throttles) {
        return new AdaptiveConcurrency(Math.min(INITIAL, max), max, false, nanoClock, throttles);
    }

    /** A limit that stays at {@code parallel}. */
    static AdaptiveConcurrency pinned(int parallel) {
        return new AdaptiveConcurrency(parallel, parallel, true, System::nanoTime, () -> 0);
    }

    /** How many items may be in flight now. */
    synchronized int limit() {
        return limit;
    }

    /** What the limit did so far. */
    synchronized ConcurrencyTrace trace() {
        return new ConcurrencyTrace(pinned, initial, peak, limit, increases, decreases);
    }

    /** One item finished; {@code throttled} when the provider kept throttling it past its retries. */
    synchronized void finished(boolean throttled) {
        if (pinned) {
            return;
        }
        periodItems++;
        periodThrottled |= throttled;
        long now = nanoClock.getAsLong();
        if (now - periodStart < PERIOD_NANOS || periodItems < limit) {
            return;
        }
        long counted = throttles.getAsLong();
        boolean sawThrottling = periodThrottled || counted != throttlesSeen;
        endPeriod(periodItems * 1e9 / (now - periodStart), sawThrottling);
        startPeriod(now, counted);
    }

    /** A new phase starts (reading, then writing): its rates are measured afresh; the limit stays. */
    synchronized void newPhase() {
        if (!pinned) {
            state = State.MEASURE;
            startPeriod(nanoClock.getAsLong(), throttles.getAsLong());
        }
    }

    private void startPeriod(long now, long throttlesCounted) {
        periodStart = now;
        periodItems = 0;
        periodThrottled = false;
        throttlesSeen = throttlesCounted;
    }

    private void endPeriod(double rate, boolean throttled) {
        if (throttled) {
            if (limit > 1) {
                limit = Math.max(1, limit / 2);
                decreases++;
            }
            settle();
            return;
        }
        switch (state) {
            case MEASURE -> probeFrom(rate);
            case PROBE -> {
                if (rate >= baseline * (1 + GAIN)) {
                    probeFrom(rate);
                } else {
                    limit = fallback;
                    settle();
                }
            }
            case SETTLED -> {
                settledSum += rate;
                if (++settledPeriods >= SETTLED_PERIODS) {
                    probeFrom(settledSum / settledPeriods);
                }
            }
        }
    }

    /** Doubles the limit to see whether throughput rises over {@code rate}, measured at the limit now. */
    private void probeFrom(double rate) {
        if (limit >= max) {
            settle();
            return;
        }
        fallback = limit;
        baseline = rate;
        limit = Math.min(max, limit * 2);
        peak = Math.max(peak, limit);
        increases++;
        state = State.PROBE;
    }

    private void settle() {
        state = State.SETTLED;
        settledSum = 0;
        settledPeriods = 0;
    }
}
