package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** Every command of the foundation on the aws provider, against moto, with and without an assumed role. */
@MotoTest
class AwsCommandsIT {

    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/messer-admin";

    @TempDir
    Path dir;
    private AwsFixture aws;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
    }

    @ParameterizedTest(name = "assume role: {0}")
    @ValueSource(booleans = {false, true})
    void foundationScenario_runsOnAws(boolean assumeRole) {
        String config = dir.resolve("configured.ini").toString();
        List<String> configure = new ArrayList<>(List.of("configure", "aws", "-c", config,
                "-m", aws.masterKey(), "-e", AwsFixture.TIER, "-b", aws.secretsBucket(), "-k", aws.keysBucket(),
                "-r", MotoServer.REGION, "--endpoint-url", aws.moto().endpoint().toString(), "--path-style", "true"));
        if (assumeRole) {
            configure.addAll(List.of("-a", ROLE_ARN, "-s", "messer-it"));
        }
        ok(aws.run(configure.toArray(String[]::new)));
        CliRun printed = ok(aws.run("configure", "aws", "-p", "-c", config));
        assertThat(printed.out()).contains("secrets_bucket = " + aws.secretsBucket());
        if (assumeRole) {
            assertThat(printed.out()).contains("role_arn = " + ROLE_ARN);
        }

        ok(aws.run("encryption", "create", "aws", "app", "-c", config));
        assertThat(keysIn(aws.keysBucket())).containsExactly("app/", "app/0");
        assertThat(ok(aws.run("encryption", "list", "aws", "-c", config)).out().lines()).containsExactly("app");

        ok(aws.run("data", "bag", "create", "aws", "payments", "-c", config));
        Path item = aws.writeFile("db.json", "{\"id\": \"db\", \"password\": \"s3cret\"}");
        ok(aws.run("data", "bag", "from", "file", "aws", "payments", item.toString(), "--secret-file", "app",
                "-c", config));
        assertThat(keysIn(aws.secretsBucket())).containsExactly("dev/payments/", "dev/payments/db");
        assertThat(new String(aws.object(aws.secretsBucket(), "dev/payments/db"))).doesNotContain("s3cret");

        assertThat(ok(aws.run("data", "bag", "show", "aws", "-c", config)).out().lines()).containsExactly("payments");
        assertThat(ok(aws.run("data", "bag", "show", "aws", "payments", "-c", config)).out().lines())
                .containsExactly("db");
        CliRun encrypted = ok(aws.run("data", "bag", "show", "aws", "payments", "db", "-c", config));
        assertThat(encrypted.out()).contains("\"encrypted_data\"").doesNotContain("s3cret");
        CliRun decrypted = ok(aws.run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config));
        assertThat(decrypted.out()).contains("\"password\":\"s3cret\"").contains("\"key_version\":0");

        ok(aws.run("encryption", "increment", "aws", "app", "-c", config));
        assertThat(ok(aws.run("encryption", "list", "aws", "app", "-c", config)).out().lines())
                .containsExactly("0", "1");
        Path changed = aws.writeFile("db2.json", "{\"id\": \"db\", \"password\": \"n3w\"}");
        ok(aws.run("data", "bag", "from", "file", "aws", "payments", changed.toString(), "--secret-file", "app",
                "--force", "-c", config));
        CliRun reread = ok(aws.run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config));
        assertThat(reread.out()).contains("\"password\":\"n3w\"").contains("\"key_version\":1");

        ok(aws.run("data", "bag", "delete", "aws", "payments", "db", "-c", config));
        ok(aws.run("data", "bag", "delete", "aws", "payments", "-c", config));
        assertThat(keysIn(aws.secretsBucket())).isEmpty();

        ok(aws.run("encryption", "delete", "aws", "app", "0", "--no-prompt", "-c", config));
        assertThat(keysIn(aws.keysBucket())).as("the deleted number is kept as a tombstone outside app/")
                .containsExactly("!deleted/app/0", "app/", "app/1");
        ok(aws.run("encryption", "delete", "aws", "app", "--no-prompt", "-c", config));
        assertThat(keysIn(aws.keysBucket())).as("only the tombstones of the deleted numbers remain")
                .containsExactly("!deleted/app/0", "!deleted/app/1");
        assertThat(ok(aws.run("encryption", "list", "aws", "-c", config)).out()).isEmpty();
    }

    @Test
    void configure_newProfile_startsWithMinItemFormat2_onlyOverAnEmptyTierPrefix() throws Exception {
        List<String> common = List.of("configure", "aws", "-m", aws.masterKey(), "-e", AwsFixture.TIER,
                "-k", aws.keysBucket(), "-r", MotoServer.REGION, "--endpoint-url", aws.moto().endpoint().toString(),
                "--path-style", "true");

        CliRun fresh = configure(common, "fresh.ini", aws.secretsBucket());
        assertThat(Files.readString(dir.resolve("fresh.ini"))).contains("min_item_format = 2");
        assertThat(fresh.err()).contains("starts with min_item_format = 2: nothing is stored under s3://"
                + aws.secretsBucket() + "/dev/ yet");

        CliRun noBucket = configure(common, "nobucket.ini", "messer-bucket-not-made-yet");
        assertThat(Files.readString(dir.resolve("nobucket.ini"))).contains("min_item_format = 2");
        assertThat(noBucket.err()).contains("starts with min_item_format = 2");

        aws.s3().putObject(r -> r.bucket(aws.secretsBucket()).key("dev/payments/db"),
                RequestBody.fromString("{}"));
        CliRun messerData = configure(common, "messer.ini", aws.secretsBucket());
        assertThat(Files.readString(dir.resolve("messer.ini"))).doesNotContain("min_item_format");
        assertThat(messerData.err()).contains("keeps min_item_format = 1: s3://" + aws.secretsBucket()
                + "/dev/ already holds items");

        List<String> unreachable = new ArrayList<>(common);
        unreachable.set(unreachable.indexOf("--endpoint-url") + 1, "http://127.0.0.1:" + MotoServer.closedPort());
        CliRun unknown = configure(unreachable, "unknown.ini", "messer-bucket-not-made-yet");
        assertThat(Files.readString(dir.resolve("unknown.ini"))).doesNotContain("min_item_format");
        assertThat(unknown.err()).contains("keeps min_item_format = 1, since its secrets bucket could not be listed");
    }

    private CliRun configure(List<String> common, String file, String secretsBucket) {
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of("-b", secretsBucket, "-c", dir.resolve(file).toString()));
        return ok(aws.run(args.toArray(String[]::new)));
    }

    @Test
    void sseKmsKeyId_encryptsEveryObjectTheCommandsWrite() {
        String sseKey = "alias/" + aws.masterKey();
        String config = aws.writeIni(Map.of("sse_kms_key_id", sseKey)).toString();
        ok(aws.run("encryption", "create", "aws", "app", "-c", config));
        ok(aws.run("encryption", "increment", "aws", "app", "-c", config));
        ok(aws.run("data", "bag", "create", "aws", "payments", "-c", config));
        Path item = aws.writeFile("db.json", "{\"id\": \"db\", \"password\": \"s3cret\"}");
        ok(aws.run("data", "bag", "from", "file", "aws", "payments", item.toString(), "--secret-file", "app",
                "-c", config));

        Map<String, List<String>> written = Map.of(aws.keysBucket(), List.of("app/", "app/0", "app/1"),
                aws.secretsBucket(), List.of("dev/payments/", "dev/payments/db"));
        written.forEach((bucket, keys) -> {
            assertThat(keysIn(bucket)).containsExactlyElementsOf(keys);
            for (String key : keys) {
                HeadObjectResponse head = aws.s3().headObject(r -> r.bucket(bucket).key(key));
                assertThat(head.serverSideEncryption()).as(bucket + "/" + key).isEqualTo(ServerSideEncryption.AWS_KMS);
                assertThat(head.ssekmsKeyId()).as(bucket + "/" + key).isEqualTo(sseKey);
            }
        });
        assertThat(ok(aws.run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config)).out())
                .contains("\"password\":\"s3cret\"");
    }

    @Test
    void secondEncryptionCreate_failsCleanlyAndKeepsTheKey() {
        String config = aws.writeIni().toString();
        ok(aws.run("encryption", "create", "aws", "app", "-c", config));
        byte[] before = aws.object(aws.keysBucket(), "app/0");

        CliRun again = aws.run("encryption", "create", "aws", "app", "-c", config);

        assertThat(again.exit()).as(again.toString()).isEqualTo(1);
        assertThat(again.err().lines()).singleElement().asString()
                .startsWith("messer: encryption key app already exists in s3://" + aws.keysBucket());
        assertThat(aws.object(aws.keysBucket(), "app/0")).isEqualTo(before);
    }

    @Test
    void fromFileWithoutForce_neverOverwrites() {
        String config = aws.writeIni().toString();
        ok(aws.run("encryption", "create", "aws", "app", "-c", config));
        ok(aws.run("data", "bag", "create", "aws", "payments", "-c", config));
        Path first = aws.writeFile("a.json", "{\"id\": \"db\", \"password\": \"first\"}");
        Path second = aws.writeFile("b.json", "{\"id\": \"db\", \"password\": \"second\"}");
        ok(aws.run("data", "bag", "from", "file", "aws", "payments", first.toString(), "--secret-file", "app",
                "-c", config));

        CliRun again = aws.run("data", "bag", "from", "file", "aws", "payments", second.toString(),
                "--secret-file", "app", "-c", config);

        assertThat(again.exit()).as(again.toString()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("messer: item db already exists in data bag payments; "
                + "add --force to replace it\n");
        assertThat(ok(aws.run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config)).out())
                .contains("\"password\":\"first\"");
    }

    @Test
    void twoConcurrentUploadsWithoutForce_exactlyOneWins() throws Exception {
        String config = aws.writeIni().toString();
        ok(aws.run("encryption", "create", "aws", "app", "-c", config));
        ok(aws.run("data", "bag", "create", "aws", "payments", "-c", config));
        List<Path> files = List.of(aws.writeFile("a.json", "{\"id\": \"db\", \"password\": \"from-a\"}"),
                aws.writeFile("b.json", "{\"id\": \"db\", \"password\": \"from-b\"}"));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<CliRun>> runs = new ArrayList<>();
        for (Path file : files) {
            runs.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return aws.run("data", "bag", "from", "file", "aws", "payments", file.toString(), "--secret-file",
                        "app", "-c", config);
            }));
        }
        pool.shutdown();
        CliRun a = runs.get(0).get(60, TimeUnit.SECONDS);
        CliRun b = runs.get(1).get(60, TimeUnit.SECONDS);

        assertThat(List.of(a.exit(), b.exit())).as(a + "\n" + b).containsExactlyInAnyOrder(0, 1);
        CliRun loser = a.exit() == 1 ? a : b;
        assertThat(loser.err()).isEqualTo("messer: item db already exists in data bag payments; "
                + "add --force to replace it\n");
        String winner = a.exit() == 0 ? "from-a" : "from-b";
        assertThat(ok(aws.run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config)).out())
                .contains("\"password\":\"" + winner + "\"");
    }

    @Test
    void twoConcurrentCreatesOfOneKey_leaveExactlyOneVersionZero() throws Exception {
        String config = aws.writeIni().toString();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<CliRun>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return aws.run("encryption", "create", "aws", "app", "-c", config);
            }));
        }
        pool.shutdown();
        CliRun a = runs.get(0).get(60, TimeUnit.SECONDS);
        CliRun b = runs.get(1).get(60, TimeUnit.SECONDS);

        assertThat(List.of(a.exit(), b.exit())).as(a + "\n" + b).containsExactlyInAnyOrder(0, 1);
        assertThat((a.exit() == 1 ? a : b).err()).startsWith("messer: encryption key app").contains("already exists")
                .hasLineCount(1);
        assertThat(keysIn(aws.keysBucket())).containsExactly("app/", "app/0");
        assertThat(ok(aws.run("encryption", "list", "aws", "app", "-c", config)).out().lines()).containsExactly("0");
    }

    static CliRun ok(CliRun run) {
        assertThat(run.exit()).as(run.toString()).isZero();
        return run;
    }

    private List<String> keysIn(String bucket) {
        return aws.s3().listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }
}
