package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
}
