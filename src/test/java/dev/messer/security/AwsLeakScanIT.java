package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.aws.AwsFixture;
import dev.messer.cli.CliRun;
import dev.messer.aws.MotoTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The leak scan on the aws provider: a marker secret given on stdin goes through upload, show,
 * show --decrypt and failing commands (S3 and KMS faults, a tampered item) with --debug. It reaches
 * stdout only for show --decrypt, never stderr, never a request body on the wire (seen by the relay
 * in front of moto), and no object in either bucket holds it.
 */
@MotoTest
class AwsLeakScanIT {

    @TempDir
    Path dir;

    @Test
    void markerSecret_neverCrossesTheWireOrRestsInS3InPlaintext() {
        AwsFixture aws = AwsFixture.create(dir);
        String marker = "AWSMARKER-" + UUID.randomUUID().toString().replace("-", "");
        SecretScan scan = SecretScan.forText(marker);
        byte[] item = ("{\"id\":\"db\",\"password\":\"" + marker + "\",\"n\":{\"t\":\"" + marker + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        try (FaultProxy proxy = new FaultProxy(aws.moto().endpoint())) {
            aws.s3().putBucketVersioning(r -> r.bucket(aws.secretsBucket())
                    .versioningConfiguration(c -> c.status("Enabled")));
            String config = aws.writeIni(Map.of("endpoint_url", proxy.endpoint().toString())).toString();
            Map<String, String> env = Map.copyOf(aws.env());
            List<CliRun> quiet = new ArrayList<>();
            quiet.add(CliRun.run(env, "encryption", "create", "aws", "app", "-c", config));
            quiet.add(CliRun.run(env, "data", "bag", "create", "aws", "bag", "-c", config));
            quiet.add(CliRun.run(env, item, "data", "bag", "from", "file", "aws", "bag", "-", "--secret-file", "app",
                    "-c", config, "--debug"));
            quiet.add(CliRun.run(env, "data", "bag", "show", "aws", "bag", "db", "-c", config, "--debug"));
            byte[] newValue = (marker + "-set\n").getBytes(StandardCharsets.UTF_8);
            quiet.add(CliRun.run(env, newValue, "data", "bag", "set", "aws", "bag", "db", "password", "-c", config, "--debug"));
            quiet.add(CliRun.run(env, ("{\"n/t\":\"" + marker + "-json\"}").getBytes(StandardCharsets.UTF_8),
                    "data", "bag", "set", "aws", "bag", "db", "n/t", "--json", "-c", config));
            quiet.add(CliRun.run(env, "data", "bag", "unset", "aws", "bag", "db", "n", "-c", config));
            quiet.add(CliRun.run(env, "data", "bag", "history", "aws", "bag", "db", "-c", config, "--debug"));
            quiet.add(CliRun.run(env, "data", "bag", "history", "aws", "bag", "db", "--format", "json", "-c", config));
            String first = com.google.gson.JsonParser.parseString(quiet.get(quiet.size() - 1).out()).getAsJsonArray()
                    .get(3).getAsJsonObject().get("version").getAsString();
            quiet.add(CliRun.run(env, "data", "bag", "rollback", "aws", "bag", "db", first, "-c", config, "--debug"));
            assertThat(quiet).allSatisfy(run -> assertThat(run.exit()).as(run.toString()).isZero());
            CliRun diff = CliRun.run(env, "data", "bag", "diff", "aws", "bag", "db", "--debug", "-c", config);
            assertThat(diff.exit()).as(diff.toString()).isEqualTo(1);
            assertThat(diff.out()).contains("~ password");
            quiet.add(diff);
            CliRun decrypted = CliRun.run(env, "data", "bag", "show", "aws", "bag", "db", "--decrypt", "-c", config);
            assertThat(decrypted.out()).contains(marker);

            List<CliRun> failing = new ArrayList<>();
            // the rollback restored exactly the first upload, which an upload of the same content would leave alone
            byte[] changed = ("{\"id\":\"db\",\"password\":\"" + marker + "-changed\"}").getBytes(StandardCharsets.UTF_8);
            proxy.inject(r -> r.isS3("PUT", aws.secretsBucket()), 3, FaultProxy.s3Error(500, "InternalError"));
            failing.add(CliRun.run(env, changed, "data", "bag", "from", "file", "aws", "bag", "-", "--secret-file", "app",
                    "--force", "-c", config, "--debug"));
            proxy.inject(r -> r.isKms("Decrypt"), 3, FaultProxy.kmsError(400, "ThrottlingException"));
            failing.add(CliRun.run(env, "data", "bag", "show", "aws", "bag", "db", "--decrypt", "-c", config, "--debug"));
            proxy.inject(r -> r.isS3("PUT", aws.secretsBucket()), 3, FaultProxy.cutMidBody());
            failing.add(CliRun.run(env, changed, "data", "bag", "from", "file", "aws", "bag", "-", "--secret-file", "app",
                    "--force", "-c", config, "--debug"));
            assertThat(failing).allSatisfy(run -> {
                assertThat(run.exit()).as(run.toString()).isEqualTo(1);
                assertThat(run.err()).contains("\tat dev.messer.");
            });

            for (CliRun run : quiet) {
                assertThat(scan.foundIn(run.out() + run.err())).as(run.toString()).isFalse();
            }
            for (CliRun run : failing) {
                assertThat(scan.foundIn(run.out() + run.err())).as(run.toString()).isFalse();
            }
            assertThat(scan.foundIn(decrypted.err())).isFalse();
            assertThat(proxy.requestBodies()).hasSizeGreaterThan(10)
                    .noneMatch(scan::foundIn);
            for (ObjectVersion version : aws.s3().listObjectVersions(r -> r.bucket(aws.secretsBucket())).versions()) {
                byte[] stored = aws.s3().getObjectAsBytes(r -> r.bucket(aws.secretsBucket()).key(version.key())
                        .versionId(version.versionId())).asByteArray();
                assertThat(scan.foundIn(stored)).as(version.key() + " version " + version.versionId()).isFalse();
            }
            for (String bucket : List.of(aws.secretsBucket(), aws.keysBucket())) {
                for (S3Object object : aws.s3().listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
                    assertThat(scan.foundIn(aws.object(bucket, object.key()))).as(bucket + "/" + object.key()).isFalse();
                }
            }
            assertThat(scan.filesContaining(dir, null)).isEmpty();
        }
    }
}
