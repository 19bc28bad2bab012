package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.aws.AwsFixture;
import dev.messer.cli.CliRun;
import dev.messer.aws.MotoTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 and KMS misbehaving, through {@link FaultProxy} in front of moto and the CLI: server errors,
 * throttling, dropped and cut connections, slow answers and refused connections. Transient faults
 * are retried and the command succeeds; faults that outlast the retries end in one line on stderr
 * and exit status 1; and no stored item is ever left missing, half-written or undecryptable.
 */
@MotoTest
class AwsFaultsIT {

    @TempDir
    Path dir;

    private AwsFixture aws;
    private FaultProxy proxy;
    private Path config;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        proxy = new FaultProxy(aws.moto().endpoint());
        config = aws.writeIni(Map.of("endpoint_url", proxy.endpoint().toString()));
        ok("encryption", "create", "aws", "app");
        ok("data", "bag", "create", "aws", "bag");
        upload("first", false);
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    private CliRun run(String... args) {
        return aws.runWithConfig(config, args);
    }

    private CliRun ok(String... args) {
        return aws.okWithConfig(config, args);
    }

    /** {@code data bag from file aws bag - --secret-file app [--force]} with the item on stdin. */
    private CliRun upload(String password, boolean force) {
        byte[] item = ("{\"id\":\"db\",\"password\":\"" + password + "\"}").getBytes(StandardCharsets.UTF_8);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("data", "bag", "from", "file", "aws",
                "bag", "-", "--secret-file", "app", "-c", config.toString()));
        if (force) {
            args.add("--force");
        }
        CliRun result = CliRun.run(Map.copyOf(aws.env()), item, args.toArray(String[]::new));
        if (!force) {
            assertThat(result.exit()).as(result.toString()).isZero();
        }
        return result;
    }

    /** Read straight from moto, not through the proxy: the item decrypts to {@code password}. */
    private void assertStoredItemIs(String password) {
        Path direct = aws.writeIni("direct.ini", Map.of());
        CliRun shown = aws.run("data", "bag", "show", "aws", "bag", "db", "--decrypt", "-c", direct.toString());
        assertThat(shown.exit()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains("\"password\":\"" + password + "\"");
    }

    private static void assertOneLineFailure(CliRun result) {
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().filter(l -> !l.isBlank())).hasSize(1);
        assertThat(result.err()).startsWith("messer: ");
    }

    private Predicate<FaultProxy.Request> itemWrite() {
        return r -> r.isS3("PUT", aws.secretsBucket()) && r.target().contains("/dev/bag/db");
    }

    private Predicate<FaultProxy.Request> itemRead() {
        return r -> r.isS3("GET", aws.secretsBucket()) && r.target().contains("/dev/bag/db");
    }

    @Test
    void s3ServerErrors_areRetried_andTheReadSucceeds() {
        proxy.inject(itemRead(), 2, FaultProxy.s3Error(500, "InternalError"));
        CliRun shown = ok("data", "bag", "show", "aws", "bag", "db", "--decrypt");
        assertThat(shown.out()).contains("\"password\":\"first\"");
        assertThat(proxy.count("answered 500")).isEqualTo(2);
    }

    @Test
    void s3Throttling_isRetried_andTheForcedUploadSucceeds() {
        proxy.inject(itemWrite(), 2, FaultProxy.s3Error(503, "SlowDown"));
        CliRun result = upload("second", true);
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(proxy.count("answered 503")).isEqualTo(2);
        assertStoredItemIs("second");
    }

    @Test
    void s3ServerErrorsPastTheRetries_failWithOneLine_andKeepTheOldItem() {
        proxy.inject(itemWrite(), 3, FaultProxy.s3Error(500, "InternalError"));
        CliRun result = upload("second", true);
        assertOneLineFailure(result);
        assertThat(result.err()).contains("after the retries").contains("s3:PutObject");
        assertThat(proxy.count("answered 500")).as("standard retry mode: 3 attempts").isEqualTo(3);
        assertStoredItemIs("first");
    }

    @Test
    void kmsThrottling_isRetried_andDecryptionSucceeds() {
        proxy.inject(r -> r.isKms("Decrypt"), 2, FaultProxy.kmsError(400, "ThrottlingException"));
        assertThat(ok("data", "bag", "show", "aws", "bag", "db", "--decrypt").out()).contains("\"password\":\"first\"");
        assertThat(proxy.count("answered 400")).isEqualTo(2);
    }

    @Test
    void kmsServerErrorsPastTheRetries_failWithOneLine() {
        proxy.inject(r -> r.isKms("Decrypt"), 3, FaultProxy.kmsError(500, "KMSInternalException"));
        CliRun result = run("data", "bag", "show", "aws", "bag", "db", "--decrypt");
        assertOneLineFailure(result);
        assertThat(result.err()).contains("kms:Decrypt").contains("after the retries");
        assertThat(proxy.count("answered 500")).as("standard retry mode: 3 attempts").isEqualTo(3);
        assertStoredItemIs("first");
    }

    @Test
    void forcedUploadWhoseDataKeyCannotBeUnwrapped_failsWithOneLine_andWritesNothing() {
        proxy.inject(r -> r.isKms("Decrypt"), 3, FaultProxy.kmsError(500, "KMSInternalException"));
        CliRun result = upload("second", true);
        assertOneLineFailure(result);
        assertThat(result.err()).contains("kms:Decrypt");
        assertThat(proxy.count("PUT /" + aws.secretsBucket() + "/dev/bag/db")).as("no write after setup").isEqualTo(1);
        assertStoredItemIs("first");
    }

    @Test
    void droppedConnection_isRetried() {
        proxy.inject(itemRead(), 1, FaultProxy.drop());
        assertThat(ok("data", "bag", "show", "aws", "bag", "db", "--decrypt").out()).contains("\"password\":\"first\"");
        assertThat(proxy.count("dropped")).isEqualTo(1);
    }

    @Test
    void forcedUploadCutMidBody_isRetried_andStoresTheWholeNewItem() {
        proxy.inject(itemWrite(), 1, FaultProxy.cutMidBody());
        CliRun result = upload("second", true);
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(proxy.count("cut after")).isEqualTo(1);
        assertStoredItemIs("second");
    }

    @Test
    void forcedUploadCutOnEveryAttempt_failsWithOneLine_andLeavesTheOldItemWhole() {
        proxy.inject(itemWrite(), 3, FaultProxy.cutMidBody());
        CliRun result = upload("second", true);
        assertOneLineFailure(result);
        assertThat(result.err()).contains("s3:PutObject");
        assertThat(proxy.count("cut after")).isEqualTo(3);
        assertStoredItemIs("first");
    }

    @Test
    void connectionRefused_failsWithOneLineNamingTheEndpoint() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        config = aws.writeIni("refused.ini", Map.of("endpoint_url", "http://127.0.0.1:" + closedPort));
        CliRun result = run("data", "bag", "show", "aws", "bag", "db", "--decrypt");
        assertOneLineFailure(result);
        assertThat(result.err()).contains("cannot reach S3").contains("check region, endpoint_url and the network");
    }

    @Test
    void slowAnswerWithinTheTimeout_isWaitedFor() {
        proxy.inject(itemRead(), 1, FaultProxy.delay(Duration.ofSeconds(2)));
        assertThat(ok("data", "bag", "show", "aws", "bag", "db", "--decrypt").out()).contains("\"password\":\"first\"");
        assertThat(proxy.count("after 2000 ms")).isEqualTo(1);
    }

    /**
     * An answer held longer than read_timeout (4 s here) is given up on, and the retry succeeds
     * (with an api_call_timeout above both attempts; its default of 10 s would end the call first).
     */
    @Test
    void answerSlowerThanTheReadTimeout_isGivenUpOnAndRetried() {
        config = aws.writeIni(Map.of("endpoint_url", proxy.endpoint().toString(), "read_timeout", "4",
                "api_call_timeout", "60"));
        int before = proxy.log().size();
        proxy.inject(itemRead(), 1, FaultProxy.delay(Duration.ofSeconds(6)));
        assertThat(ok("data", "bag", "show", "aws", "bag", "db", "--decrypt").out()).contains("\"password\":\"first\"");
        String get = "GET /" + aws.secretsBucket() + "/dev/bag/db";
        java.util.List<String> log = proxy.log();
        java.util.List<String> reads = log.subList(before, log.size()).stream().filter(line -> line.startsWith(get))
                .toList();
        assertThat(reads).as(proxy.log().toString()).hasSize(2);
        assertThat(reads).anyMatch(line -> line.endsWith("-> passed 200"));
        assertThat(reads).anyMatch(line -> line.contains("after 6000 ms") || line.contains("failed"));
    }

    /** An answer held longer than api_call_timeout (10 s by default) ends the call, and the read, then. */
    @Test
    void answerSlowerThanTheCallTimeout_endsTheReadAtTheCallTimeout() {
        proxy.inject(itemRead(), 3, FaultProxy.delay(Duration.ofSeconds(25)));
        long start = System.nanoTime();
        CliRun result = run("data", "bag", "show", "aws", "bag", "db", "--decrypt");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertOneLineFailure(result);
        assertThat(took).as(result.toString()).isLessThan(Duration.ofSeconds(20));
    }

    /** Each call answers within its own limit, but together they pass the read's deadline of 15 s. */
    @Test
    void slowCallsTogether_endAtTheReadDeadline_withOneLine() {
        proxy.inject(r -> true, 20, FaultProxy.delay(Duration.ofSeconds(7)));
        long start = System.nanoTime();
        CliRun result = run("data", "bag", "show", "aws", "bag", "db", "--decrypt");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertOneLineFailure(result);
        assertThat(result.err()).contains("took longer than 15 s").contains("doctor").doesNotContain("first");
        assertThat(took).as(result.toString()).isLessThan(Duration.ofSeconds(19));
    }
}
