package dev.messer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class AdaptiveConcurrencyTest {

    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong throttles = new AtomicLong();
    private final AdaptiveConcurrency concurrency = AdaptiveConcurrency.adaptive(64, clock::get, throttles::get);

    /** Runs {@code periods} periods in which the throughput at a limit is {@code rate.applyAsDouble(limit)} items/s. */
    private void run(int periods, IntToDoubleFunction rate) {
        for (int p = 0; p < periods; p++) {
            int limit = concurrency.limit();
            int items = Math.max(limit, (int) Math.ceil(rate.applyAsDouble(limit) * AdaptiveConcurrency.PERIOD_NANOS / 1e9));
            long step = (long) (1e9 / rate.applyAsDouble(limit));
            for (int i = 0; i < items; i++) {
                clock.addAndGet(step);
                concurrency.finished(false);
            }
        }
    }

    @Test
    void latencyBoundLink_throughputRisesWithEveryDoubling_limitGrowsToTheUpperBound() {
        run(12, limit -> limit * 10.0);

        assertThat(concurrency.limit()).isEqualTo(64);
        assertThat(concurrency.trace().peak()).isEqualTo(64);
        assertThat(concurrency.trace().decreases()).isZero();
    }

    @Test
    void serverBoundEndpoint_moreInFlightGainsNothing_limitGoesBackToWhereItStarted() {
        run(6, limit -> 200.0);

        assertThat(concurrency.limit()).isEqualTo(AdaptiveConcurrency.INITIAL);
        assertThat(concurrency.trace().peak()).isEqualTo(2 * AdaptiveConcurrency.INITIAL);
    }

    @Test
    void throttledAnswers_halveTheLimit_andItDoesNotGrowWhileThrottlingGoesOn() {
        run(12, limit -> limit * 10.0);
        for (int p = 0; p < 4; p++) {
            throttles.incrementAndGet();
            run(1, limit -> limit * 10.0);
        }

        assertThat(concurrency.limit()).isEqualTo(4);
        assertThat(concurrency.trace().decreases()).isEqualTo(4);
    }

    @Test
    void itemThrottledPastItsRetries_alsoHalvesTheLimit() {
        clock.addAndGet(AdaptiveConcurrency.PERIOD_NANOS);
        for (int i = 0; i < AdaptiveConcurrency.INITIAL; i++) {
            concurrency.finished(i == 0);
        }

        assertThat(concurrency.limit()).isEqualTo(AdaptiveConcurrency.INITIAL / 2);
    }

    @Test
    void settledLimit_isProbedAgain_whenTheLinkGetsSlower() {
        run(6, limit -> 200.0);
        assertThat(concurrency.limit()).isEqualTo(AdaptiveConcurrency.INITIAL);

        run(AdaptiveConcurrency.SETTLED_PERIODS + 6, limit -> limit * 10.0);

        assertThat(concurrency.limit()).isGreaterThan(AdaptiveConcurrency.INITIAL);
    }

    @Test
    void pinnedLimit_neverMoves() {
        AdaptiveConcurrency pinned = AdaptiveConcurrency.pinned(3);
        for (int i = 0; i < 10_000; i++) {
            pinned.finished(i % 2 == 0);
        }

        assertThat(pinned.limit()).isEqualTo(3);
        assertThat(pinned.trace().describe()).isEqualTo("3 in flight (--parallel)");
    }
}
