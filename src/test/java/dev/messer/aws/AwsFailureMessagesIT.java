package dev.messer.aws;

import static dev.messer.aws.AwsCommandsIT.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.cli.CliRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/** What a user sees when AWS refuses or is missing something: one line, the right exit status, nothing changed. */
@MotoTest
class AwsFailureMessagesIT {

    @TempDir
    Path dir;
    private AwsFixture aws;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
    }

    @Test
    void missingSecretsBucket_saysWhichSettingToFix() {
        String config = aws.writeIni(Map.of("secrets_bucket", "missing-" + aws.secretsBucket())).toString();

        CliRun run = aws.run("data", "bag", "create", "aws", "payments", "-c", config);

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("messer: bucket missing-" + aws.secretsBucket() + " (secrets_bucket) does "
                + "not exist; create it (see docs/aws.md) or correct secrets_bucket and region\n");
    }

    @Test
    void missingKeysBucket_saysWhichSettingToFix() {
        String config = aws.writeIni(Map.of("keys_bucket", "missing-" + aws.keysBucket())).toString();

        CliRun run = aws.run("encryption", "list", "aws", "-c", config);

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).startsWith("messer: bucket missing-" + aws.keysBucket() + " (keys_bucket) does not exist")
                .hasLineCount(1);
    }

    @Test
    void missingAlias_onCreate_failsAndWritesNoKeyVersion() {
        String config = aws.writeIni(Map.of("master_key", "no-such-alias")).toString();

        CliRun run = aws.run("encryption", "create", "aws", "app", "-c", config);

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("messer: KMS key alias/no-such-alias (us-east-1) does not exist; create the "
                + "key and alias (see docs/aws.md) or correct master_key and region\n");
        assertThat(keysIn(aws.keysBucket())).doesNotContain("app/0");
    }

    @Test
    void missingAlias_onDecrypt_isNotFound() {
        String config = aws.writeIni().toString();
        aws.storePaymentsItem(config);
        // a version is unwrapped by the master key it records: remove that key's alias
        aws.moto().kms().deleteAlias(r -> r.aliasName("alias/" + aws.masterKey()));

        CliRun run = aws.run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config);

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).startsWith("messer: KMS key alias/" + aws.masterKey() + " (us-east-1) does not exist")
                .hasLineCount(1);
    }

    @Test
    void unreachableEndpoint_failsInOneLineWithoutStackTrace() {
        String endpoint = "http://127.0.0.1:" + MotoServer.closedPort();
        String config = aws.writeIni(Map.of("endpoint_url", endpoint)).toString();

        CliRun run = aws.run("data", "bag", "show", "aws", "-c", config);

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).startsWith("messer: cannot reach S3 at " + endpoint + " for s3:ListBucket on s3://"
                + aws.secretsBucket()).hasLineCount(1);
    }

    @Test
    void debug_addsTheStackTrace() {
        String config = aws.writeIni(Map.of("endpoint_url", "http://127.0.0.1:" + MotoServer.closedPort())).toString();

        CliRun run = aws.run("data", "bag", "show", "aws", "--debug", "-c", config);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("UnreachableException").contains("at dev.messer.aws.S3BlobStore");
    }

    @Test
    void missingSettings_areConfigErrors() {
        String noBucket = aws.writeIni("no-bucket.ini", Map.of("secrets_bucket", "")).toString();
        String noKey = aws.writeIni("no-key.ini", Map.of("master_key", "")).toString();
        ok(aws.run("encryption", "list", "aws", "-c", aws.writeIni().toString()));

        CliRun withoutBucket = aws.run("data", "bag", "show", "aws", "-c", noBucket);
        CliRun withoutKey = aws.run("encryption", "create", "aws", "app", "-c", noKey);

        assertThat(withoutBucket.exit()).isEqualTo(2);
        assertThat(withoutBucket.err()).isEqualTo("messer: secrets_bucket is not set in profile aws; set it with "
                + "'messer configure aws -b BUCKET -c " + noBucket + "'\n");
        assertThat(withoutKey.exit()).isEqualTo(2);
        assertThat(withoutKey.err()).isEqualTo("messer: master_key is not set in profile aws; set it to the KMS alias "
                + "without alias/ ('messer configure aws -m NAME -c " + noKey + "')\n");
    }

    private List<String> keysIn(String bucket) {
        return aws.s3().listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }
}
