package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.app.Session;
import dev.messer.aws.MotoTest;
import dev.messer.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A bulk run under heavy throttling: a relay in front of moto answers 30% of all requests, drawn
 * with a fixed seed, with S3's {@code SlowDown} or KMS's {@code ThrottlingException}. The bulk
 * default of 10 attempts and requeued items still bring every item onto the new key version, none
 * lost.
 */
@MotoTest
class BulkThrottlingIT extends BulkFaultFixture {

    private static final int ITEMS = 200;
    private static final long SEED = 20261127L;

    @Test
    void reEncrypt200Items_with30PercentThrottled_finishesEveryItem() {
        seed(ITEMS);
        proxy = new FaultProxy(aws.moto().endpoint());
        Random random = new Random(SEED);
        proxy.inject(request -> random.nextDouble() < 0.3, Integer.MAX_VALUE, (relay, client, head, body) -> {
            String text = new String(head, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
            FaultProxy.Fault fault = text.contains("x-amz-target: trentservice.")
                    ? FaultProxy.kmsError(400, "ThrottlingException") : FaultProxy.s3Error(503, "SlowDown");
            return fault.apply(relay, client, head, body);
        });
        // The relay throttles at random whatever the request rate, so adaptive mode's client-side rate
        // limiter could only slow the run to its floor; standard retries keep the test short. The bulk
        // default of 10 attempts still applies, since the file does not set max_attempts.
        Path throttled = aws.writeIni(Map.of("endpoint_url", proxy.endpoint().toString(), "retry_mode", "standard"));

        CliRun run = aws.run("bulk", "re-encrypt", "aws", throttled.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).contains("re-encrypt: " + ITEMS + " done, 0 skipped, 0 failed");
        assertThat(proxy.count("answered 503") + proxy.count("answered 400")).as("requests throttled").isGreaterThan(100);
        try (Session<?> session = direct()) {
            for (int i = 0; i < ITEMS; i++) {
                assertThat(session.items().read("web", "item" + i).item().keyVersion()).isEqualTo(1);
            }
        }
        assertEveryItemDecrypts(ITEMS);
    }
}
