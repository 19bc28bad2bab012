package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class TimeLimitTest {

    @Test
    void workThatHangs_givesNothing_onceTheLimitHasPassed() {
        CountDownLatch never = new CountDownLatch(1);

        assertThat(TimeLimit.within(Duration.ofMillis(200), () -> {
            never.await();
            return "late";
        })).isEmpty();
    }

    @Test
    void workThatFails_givesNothing() {
        assertThat(TimeLimit.within(Duration.ofSeconds(5), () -> {
            throw new IllegalStateException("store down");
        })).isEmpty();
    }

    @Test
    void workInTime_givesItsResult() {
        assertThat(TimeLimit.within(Duration.ofSeconds(5), () -> "names")).contains("names");
    }

    @Test
    void requiredWorkThatHangs_throwsTheLateFailure_onceTheLimitHasPassed() {
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();

        assertThatThrownBy(() -> TimeLimit.required(Duration.ofMillis(200), () -> new IllegalStateException("late"),
                () -> {
                    never.await();
                    return "never";
                })).isInstanceOf(IllegalStateException.class).hasMessage("late");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void requiredWorkThatFails_passesItsOwnFailureOn() {
        UnsupportedOperationException own = new UnsupportedOperationException("store down");

        assertThatThrownBy(() -> TimeLimit.required(Duration.ofSeconds(5), () -> new IllegalStateException("late"),
                () -> {
                    throw own;
                })).isSameAs(own);
    }

    @Test
    void requiredWorkInTime_givesItsResult() {
        assertThat(TimeLimit.required(Duration.ofSeconds(5), () -> new IllegalStateException("late"), () -> "item"))
                .isEqualTo("item");
    }
}
