package dev.messer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectionBreakerTest {

    private final AtomicLong clock = new AtomicLong();
    private final ConnectionBreaker breaker = new ConnectionBreaker(clock::get);
    private final ItemPath path = new ItemPath("web", "a");

    private ItemResult unreachable() {
        return new ItemResult(path, Outcome.FAILED, "cannot reach S3", false, false, "S3 at http://127.0.0.1:9");
    }

    @Test
    void tenUnreachableInARow_openIt_namingTheEndpoint() {
        for (int i = 0; i < ConnectionBreaker.CONSECUTIVE - 1; i++) {
            breaker.finished(unreachable());
        }
        assertThat(breaker.open()).isEmpty();

        breaker.finished(unreachable());

        assertThat(breaker.open()).contains("S3 at http://127.0.0.1:9");
    }

    @Test
    void anyOtherResult_startsTheCountAgain() {
        for (int i = 0; i < 3 * ConnectionBreaker.CONSECUTIVE; i++) {
            breaker.finished(i % 5 == 4 ? ItemResult.failed(path, "access denied") : unreachable());
        }
        breaker.finished(null);

        assertThat(breaker.open()).isEmpty();
    }

    @Test
    void fewItemsInFlight_unreachableForTenSeconds_openIt() {
        breaker.finished(unreachable());
        clock.addAndGet(ConnectionBreaker.SPAN_NANOS);

        breaker.finished(unreachable());

        assertThat(breaker.open()).isPresent();
    }

    @Test
    void onceOpen_itStaysOpen() {
        for (int i = 0; i < ConnectionBreaker.CONSECUTIVE; i++) {
            breaker.finished(unreachable());
        }
        breaker.finished(ItemResult.done(path, "done"));

        assertThat(breaker.open()).isPresent();
    }
}
