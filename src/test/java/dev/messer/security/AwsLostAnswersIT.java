package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.messer.aws.AwsFixture;
import dev.messer.aws.MotoTest;
import dev.messer.cli.CliRun;
import dev.messer.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * Conditional writes whose answer was lost after S3 stored them ({@link FaultProxy#answerLost}:
 * moto stores the PUT, the relay answers 500 or drops the connection). The SDK retries the PUT,
 * S3 refuses the retry (412) because the object is no longer what the condition named, and the
 * command must still report the write it made: exit 0 and exactly one new version. A writer that
 * gets in between is reported for what happened, and a 409 (a conditional write still in flight)
 * is retried.
 */
@MotoTest
class AwsLostAnswersIT {

    @TempDir
    Path dir;

    private AwsFixture aws;
    private FaultProxy proxy;
    private Path config;
    private Path direct;
    /** What the other writer's process printed, and its exit status; empty until it ran. */
    private final List<String> otherWriter = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        for (String bucket : List.of(aws.secretsBucket(), aws.keysBucket())) {
            aws.s3().putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(c -> c.status("Enabled")));
        }
        proxy = new FaultProxy(aws.moto().endpoint());
        config = aws.writeIni(Map.of("endpoint_url", proxy.endpoint().toString()));
        direct = aws.writeIni("direct.ini", Map.of());
        ok("encryption", "create", "aws", "app");
        ok("data", "bag", "create", "aws", "bag");
        upload("db", "first");
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    private CliRun run(String stdin, Path with, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-c", with.toString()));
        return CliRun.run(Map.copyOf(aws.env()), stdin.getBytes(StandardCharsets.UTF_8), all.toArray(String[]::new));
    }

    private CliRun ok(String... args) {
        CliRun result = run("", config, args);
        assertThat(result.exit()).as(result.toString()).isZero();
        return result;
    }

    private void upload(String id, String password) {
        CliRun result = run("{\"id\":\"" + id + "\",\"password\":\"" + password + "\"}", direct,
                "data", "bag", "from", "file", "aws", "bag", "-", "--secret-file", "app");
        assertThat(result.exit()).as(result.toString()).isZero();
    }

    /** The password the item holds, read straight from moto; with {@code at}, of that version. */
    private String password(String id, String... at) {
        List<String> args = new ArrayList<>(List.of("data", "bag", "show", "aws", "bag", id, "--decrypt"));
        args.addAll(List.of(at));
        CliRun shown = run("", direct, args.toArray(String[]::new));
        assertThat(shown.exit()).as(shown.toString()).isZero();
        return JsonParser.parseString(shown.out()).getAsJsonObject().get("password").getAsString();
    }

    /** Versions and delete markers S3 keeps of exactly this key. */
    private long versions(String bucket, String key) {
        ListObjectVersionsResponse listing = aws.s3().listObjectVersions(r -> r.bucket(bucket).prefix(key));
        return listing.versions().stream().filter(v -> v.key().equals(key)).count()
                + listing.deleteMarkers().stream().filter(m -> m.key().equals(key)).count();
    }

    private Predicate<FaultProxy.Request> put(String bucket, String keyPrefix) {
        return r -> r.isS3("PUT", bucket) && r.target().startsWith("/" + bucket + "/" + keyPrefix);
    }

    private static FaultProxy.Fault lost500() {
        return FaultProxy.answerLost(FaultProxy.s3Error(500, "InternalError"));
    }

    private void assertAnswerLostThenRefused(int times) {
        assertThat(proxy.count("lost answer 200")).as(proxy.log().toString()).isEqualTo(times);
        assertThat(proxy.count("passed 412")).as("the retry met its own write").isEqualTo(times);
    }

    @Test
    void set_whoseAnswerIsLost_exit0_andExactlyOneNewVersion() {
        proxy.inject(put(aws.secretsBucket(), "dev/bag/db"), 1, lost500());

        CliRun result = run("second", config, "data", "bag", "set", "aws", "bag", "db", "password");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).doesNotContain("nothing was written");
        assertAnswerLostThenRefused(1);
        assertThat(password("db")).isEqualTo("second");
        assertThat(versions(aws.secretsBucket(), "dev/bag/db")).isEqualTo(2);
    }

    /** Every attempt's answer is lost: the first one stored the item, so the command still reports its write. */
    @Test
    void set_whoseEveryAnswerIsLost_stillReportsTheWriteItMade() {
        proxy.inject(put(aws.secretsBucket(), "dev/bag/db"), 3, lost500());

        CliRun result = run("second", config, "data", "bag", "set", "aws", "bag", "db", "password");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(proxy.count("lost answer 200")).as(proxy.log().toString()).isEqualTo(1);
        assertThat(proxy.count("lost answer 412")).isEqualTo(2);
        assertThat(password("db")).isEqualTo("second");
        assertThat(versions(aws.secretsBucket(), "dev/bag/db")).isEqualTo(2);
    }

    @Test
    void rollback_whoseAnswerIsLost_exit0_andExactlyOneNewVersion() {
        String first = aws.s3().listObjectVersions(r -> r.bucket(aws.secretsBucket()).prefix("dev/bag/db"))
                .versions().get(0).versionId();
        CliRun forced = run("{\"id\":\"db\",\"password\":\"second\"}", direct,
                "data", "bag", "from", "file", "aws", "bag", "-", "--secret-file", "app", "--force");
        assertThat(forced.exit()).as(forced.toString()).isZero();
        proxy.inject(put(aws.secretsBucket(), "dev/bag/db"), 1, lost500());

        CliRun result = run("", config, "data", "bag", "rollback", "aws", "bag", "db", first);

        assertThat(result.exit()).as(result.toString()).isZero();
        assertAnswerLostThenRefused(1);
        assertThat(password("db")).isEqualTo("first");
        assertThat(versions(aws.secretsBucket(), "dev/bag/db")).isEqualTo(3);
    }

    @Test
    void fromFile_ofANewItem_whoseAnswerIsLost_isNotCalledAnExistingItem() {
        proxy.inject(put(aws.secretsBucket(), "dev/bag/ap2"), 1, lost500());

        CliRun result = run("{\"id\":\"ap2\",\"password\":\"p\"}", config,
                "data", "bag", "from", "file", "aws", "bag", "-", "--secret-file", "app");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).doesNotContain("already exists");
        assertAnswerLostThenRefused(1);
        assertThat(password("ap2")).isEqualTo("p");
        assertThat(versions(aws.secretsBucket(), "dev/bag/ap2")).isEqualTo(1);
    }

    /** Two answers lost to a 500 and one to a dropped connection (as a timeout loses it): all three items land once. */
    @Test
    void fromFile_ofAFolderOfThree_whoseAnswersAreLost_uploadsEveryFileOnce() {
        Path folder = null;
        for (int i = 1; i <= 3; i++) {
            folder = aws.writeFile("items/f" + i + ".json", "{\"id\":\"f" + i + "\",\"password\":\"p" + i + "\"}")
                    .getParent();
        }
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Predicate<FaultProxy.Request> firstAttempt = r -> put(aws.secretsBucket(), "dev/bag/f").test(r)
                && seen.add(r.target());
        proxy.inject(firstAttempt, 2, lost500()).inject(firstAttempt, 1, FaultProxy.answerLost(FaultProxy.drop()));

        CliRun result = run("", config, "data", "bag", "from", "file", "aws", "bag", folder.toString(),
                "--secret-file", "app");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(proxy.count("lost answer 200")).isEqualTo(3);
        for (int i = 1; i <= 3; i++) {
            assertThat(password("f" + i)).isEqualTo("p" + i);
            assertThat(versions(aws.secretsBucket(), "dev/bag/f" + i)).as("f" + i).isEqualTo(1);
        }
    }

    @Test
    void encryptionCreate_whoseAnswerIsLost_exit0_oneVersion_andTheFolderMarker() {
        proxy.inject(put(aws.keysBucket(), "other/0"), 1, lost500());

        CliRun result = run("", config, "encryption", "create", "aws", "other");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).doesNotContain("already exists");
        assertAnswerLostThenRefused(1);
        assertThat(versions(aws.keysBucket(), "other/0")).isEqualTo(1);
        assertThat(versions(aws.keysBucket(), "other/")).as("the key's folder marker").isEqualTo(1);
    }

    @Test
    void increment_whoseAnswerIsLost_exit0_andOneVersion() {
        proxy.inject(put(aws.keysBucket(), "app/1"), 1, lost500());

        CliRun result = run("", config, "encryption", "increment", "aws", "app");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertAnswerLostThenRefused(1);
        assertThat(versions(aws.keysBucket(), "app/1")).isEqualTo(1);
        assertThat(versions(aws.keysBucket(), "app/2")).isZero();
        upload("db2", "sealed-with-v1");
        assertThat(password("db2")).isEqualTo("sealed-with-v1");
    }

    /** Another messer process sets the item after this write was stored and before its answer: written, then changed. */
    @Test
    void writerBetweenTheStoredWriteAndItsRetry_isReportedAsWrittenThenChanged() {
        proxy.inject(put(aws.secretsBucket(), "dev/bag/db"), 1,
                FaultProxy.answerLost(() -> setInAnotherProcess(direct, "theirs"), FaultProxy.s3Error(500, "InternalError")));

        CliRun result = run("ours", config, "data", "bag", "set", "aws", "bag", "db", "password");

        assertTheOtherWriterSucceeded();
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("was written (version ").contains("then changed by someone else")
                .doesNotContain("nothing was written");
        assertThat(password("db")).isEqualTo("theirs");
        assertThat(versions(aws.secretsBucket(), "dev/bag/db")).isEqualTo(3);
        String ours = result.err().replaceFirst("(?s).*was written \\(version ([^)]+)\\).*", "$1");
        assertThat(password("db", "--at", ours)).isEqualTo("ours");
    }

    /** The other writer comes first and this write never reaches S3: then nothing was written, and it says so. */
    @Test
    void writerBeforeAWriteThatNeverArrived_isAConflict_andNothingOfOursIsStored() {
        FaultProxy.Fault otherWriterThen500 = (relay, client, head, body) -> {
            setInAnotherProcess(direct, "theirs");
            return FaultProxy.s3Error(500, "InternalError").apply(relay, client, head, body);
        };
        proxy.inject(put(aws.secretsBucket(), "dev/bag/db"), 1, otherWriterThen500);

        CliRun result = run("ours", config, "data", "bag", "set", "aws", "bag", "db", "password");

        assertTheOtherWriterSucceeded();
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("changed by someone else").contains("nothing was written");
        assertThat(password("db")).isEqualTo("theirs");
        assertThat(versions(aws.secretsBucket(), "dev/bag/db")).isEqualTo(2);
    }

    /** Without versioning the replaced write leaves no trace: the command says it cannot tell, not "nothing was written". */
    @Test
    void writerBetweenTheStoredWriteAndItsRetry_onABucketWithoutVersioning_saysItCannotTell() {
        String plain = aws.createBucket("plain-" + aws.secretsBucket());
        Path plainDirect = aws.writeIni("plain-direct.ini", Map.of("secrets_bucket", plain));
        Path plainRelayed = aws.writeIni("plain.ini", Map.of("secrets_bucket", plain,
                "endpoint_url", proxy.endpoint().toString()));
        assertThat(run("", plainDirect, "data", "bag", "create", "aws", "bag").exit()).isZero();
        assertThat(run("{\"id\":\"db\",\"password\":\"first\"}", plainDirect,
                "data", "bag", "from", "file", "aws", "bag", "-", "--secret-file", "app").exit()).isZero();
        proxy.inject(put(plain, "dev/bag/db"), 1, FaultProxy.answerLost(() -> setInAnotherProcess(plainDirect, "theirs"),
                FaultProxy.s3Error(500, "InternalError")));

        CliRun result = run("ours", plainRelayed, "data", "bag", "set", "aws", "bag", "db", "password");

        assertTheOtherWriterSucceeded();
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("keeps no versions").contains("cannot tell whether that write was stored")
                .doesNotContain("nothing was written");
        assertThat(versions(plain, "dev/bag/db")).isEqualTo(1);
    }

    @Test
    void conflict409_isRetried_andTheWriteLandsOnce() {
        proxy.inject(put(aws.secretsBucket(), "dev/bag/db"), 1, FaultProxy.s3Error(409, "ConditionalRequestConflict"));

        CliRun result = run("second", config, "data", "bag", "set", "aws", "bag", "db", "password");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(proxy.count("answered 409")).isEqualTo(1);
        assertThat(password("db")).isEqualTo("second");
        assertThat(versions(aws.secretsBucket(), "dev/bag/db")).isEqualTo(2);
    }

    /** The write in flight behind the 409 was this command's own first attempt: the retry finds it stored. */
    @Test
    void conflict409_behindOurOwnLostAttempt_isJudgedAsOurWrite() {
        proxy.inject(put(aws.secretsBucket(), "dev/bag/db"), 1, lost500())
                .inject(put(aws.secretsBucket(), "dev/bag/db"), 1, FaultProxy.s3Error(409, "ConditionalRequestConflict"));

        CliRun result = run("second", config, "data", "bag", "set", "aws", "bag", "db", "password");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(proxy.count("answered 409")).isEqualTo(1);
        assertThat(proxy.count("passed 412")).isEqualTo(1);
        assertThat(password("db")).isEqualTo("second");
        assertThat(versions(aws.secretsBucket(), "dev/bag/db")).isEqualTo(2);
    }

    /**
     * {@code data bag set aws bag db password -c WITH} in a separate JVM, straight to moto. It runs on the
     * relay's thread, so it records its outcome in {@link #otherWriter} for the test to check.
     */
    private void setInAnotherProcess(Path with, String value) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "data", "bag", "set", "aws", "bag", "db", "password", "-c", with.toString());
        builder.environment().clear();
        builder.environment().putAll(aws.env());
        builder.redirectErrorStream(true);
        try {
            Process process = builder.start();
            process.getOutputStream().write(value.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            otherWriter.add((process.waitFor(60, TimeUnit.SECONDS) ? "exit " + process.exitValue() : "still running")
                    + ": " + output);
        } catch (IOException e) {
            otherWriter.add("could not run: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            otherWriter.add("interrupted");
        }
    }

    private void assertTheOtherWriterSucceeded() {
        assertThat(otherWriter).hasSize(1);
        assertThat(otherWriter.get(0)).startsWith("exit 0: ");
    }
}
