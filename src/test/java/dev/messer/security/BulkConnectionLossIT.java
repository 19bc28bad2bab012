package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.aws.MotoTest;
import dev.messer.cli.CliRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bulk runs whose connection to S3 breaks: a relay in front of moto cuts writes mid-body, or
 * stops altogether partway through the run. No item ends the run, the summary is printed, a run
 * that lost its endpoint stops after a few failures with one line instead of failing every item,
 * every item still decrypts, and a run against the endpoint again finishes the work.
 */
@MotoTest
class BulkConnectionLossIT extends BulkFaultFixture {

    private static final int ITEMS = 60;
    private static final Pattern SUMMARY = Pattern.compile("re-encrypt: (\\d+) done, (\\d+) skipped, (\\d+) failed");
    private static final Pattern STOP = Pattern.compile(
            "S3 at (\\S+) is unreachable; (\\d+) items done, (\\d+) not tried; re-run to resume");

    private boolean isItemPut(FaultProxy.Request request) {
        return request.isS3("PUT", aws.secretsBucket()) && request.target().contains("/web/");
    }

    @Test
    void writesCutMidBody_areRetriedAsConnectionFailures_andTheRunFinishes() {
        seed(5);
        proxy = new FaultProxy(aws.moto().endpoint());
        proxy.inject(this::isItemPut, 3, FaultProxy.cutMidBody());
        Path relayed = aws.writeIni(Map.of("endpoint_url", proxy.endpoint().toString()));

        CliRun run = aws.run("bulk", "re-encrypt", "aws", relayed.toString(), "--parallel", "1");

        assertThat(run.err()).doesNotContain("unexpected");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).contains("re-encrypt: 5 done, 0 skipped, 0 failed");
        assertThat(proxy.count("cut after")).isEqualTo(3);
        assertEveryItemDecrypts(5);
    }

    @Test
    void relayStopsMidRun_runStopsWithOneLine_countsAddUp_andARerunFinishes() {
        seed(ITEMS);
        proxy = new FaultProxy(aws.moto().endpoint());
        AtomicInteger puts = new AtomicInteger();
        FaultProxy relay = proxy;
        proxy.inject(request -> isItemPut(request) && puts.incrementAndGet() > 10, Integer.MAX_VALUE,
                (p, client, head, body) -> {
                    relay.close();
                    return "relay stopped";
                });
        Path relayed = aws.writeIni(Map.of("endpoint_url", proxy.endpoint().toString()));

        long start = System.nanoTime();
        CliRun run = aws.run("bulk", "re-encrypt", "aws", relayed.toString(), "--parallel", "2");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        Matcher summary = SUMMARY.matcher(run.err());
        Matcher stop = STOP.matcher(run.err());
        assertThat(summary.find()).as(run.err()).isTrue();
        assertThat(stop.find()).as(run.err()).isTrue();
        assertThat(stop.group(1)).isEqualTo(proxy.endpoint().toString());
        int done = Integer.parseInt(summary.group(1));
        int failed = Integer.parseInt(summary.group(3));
        int notTried = Integer.parseInt(stop.group(3));
        assertThat(done).as("10 writes passed; one may have been in flight when the relay stopped").isBetween(9, 10)
                .isEqualTo(Integer.parseInt(stop.group(2)));
        assertThat(failed).as("items failed before the run stopped").isBetween(1, 12);
        assertThat(done + failed + notTried).isEqualTo(ITEMS);
        assertThat(run.err().lines().filter(line -> line.startsWith("failed web/")).count()).isEqualTo(failed);
        assertThat(run.err()).as("a run that did not read every item says nothing of the items' format")
                .doesNotContain("remain in item format 1");
        assertThat(took).as("the run stops soon after the endpoint is gone").isLessThan(Duration.ofSeconds(60));

        assertEveryItemDecrypts(ITEMS);
        CliRun rerun = aws.run("bulk", "re-encrypt", "aws", aws.writeIni().toString());
        assertThat(rerun.exit()).as(rerun.toString()).isZero();
        Matcher again = SUMMARY.matcher(rerun.err());
        assertThat(again.find()).as(rerun.err()).isTrue();
        assertThat(Integer.parseInt(again.group(1)) + Integer.parseInt(again.group(2))).isEqualTo(ITEMS);
        assertThat(Integer.parseInt(again.group(2))).isGreaterThanOrEqualTo(done);
        assertThat(again.group(3)).isEqualTo("0");
        assertThat(rerun.err()).contains("0 items remain in item format 1");
        assertEveryItemDecrypts(ITEMS);
    }
}
