package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.cli.CliRun;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;

/** {@code messer setup aws} and {@code messer doctor aws} against moto's real S3 and KMS protocol. */
@MotoTest
class SetupAndDoctorIT {

    @TempDir
    Path dir;
    private AwsFixture aws;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
    }

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private CliRun run(Path ini, String... command) {
        String[] args = new String[command.length + 4];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = "-c";
        args[command.length + 1] = ini.toString();
        args[command.length + 2] = "--profile";
        args[command.length + 3] = "aws";
        return aws.run(args);
    }

    private void assertHardened(String bucket) {
        PublicAccessBlockConfiguration block = aws.s3().getPublicAccessBlock(r -> r.bucket(bucket))
                .publicAccessBlockConfiguration();
        assertThat(block.blockPublicAcls()).isTrue();
        assertThat(block.ignorePublicAcls()).isTrue();
        assertThat(block.blockPublicPolicy()).isTrue();
        assertThat(block.restrictPublicBuckets()).isTrue();
        ServerSideEncryptionByDefault encryption = aws.s3().getBucketEncryption(r -> r.bucket(bucket))
                .serverSideEncryptionConfiguration().rules().get(0).applyServerSideEncryptionByDefault();
        assertThat(encryption.sseAlgorithm()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(aws.s3().getBucketVersioning(r -> r.bucket(bucket)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        String policy = aws.s3().getBucketPolicy(r -> r.bucket(bucket)).policy();
        assertThat(policy).contains("\"aws:SecureTransport\":\"false\"").contains("\"Effect\":\"Deny\"")
                .contains("arn:aws:s3:::" + bucket + "/*");
    }

    @Test
    void setup_createsMissingBuckets_hardened_andChecksTheAlias() {
        String secrets = fresh("new-secrets");
        String keys = fresh("new-keys");
        Path ini = aws.writeIni(Map.of("secrets_bucket", secrets, "keys_bucket", keys));
        CliRun result = run(ini, "setup", "aws");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("secrets bucket s3://" + secrets + ": created in us-east-1, public access blocked")
                .contains("keys bucket s3://" + keys + ": created").contains("versioning enabled")
                .contains("TLS-only bucket policy")
                .contains("master key: alias/" + aws.masterKey() + " -> key " + aws.kmsKeyId());
        assertHardened(secrets);
        assertHardened(keys);
    }

    @Test
    void setup_secondRun_changesNothing() {
        Path ini = aws.writeIni();
        assertThat(run(ini, "setup", "aws").exit()).isZero();
        String policy = aws.s3().getBucketPolicy(r -> r.bucket(aws.secretsBucket())).policy();
        CliRun again = run(ini, "setup", "aws");
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.out()).contains("secrets bucket s3://" + aws.secretsBucket() + ": already as required")
                .contains("keys bucket s3://" + aws.keysBucket() + ": already as required");
        assertThat(aws.s3().getBucketPolicy(r -> r.bucket(aws.secretsBucket())).policy()).isEqualTo(policy);
    }

    @Test
    void setup_keepsOtherStatementsOfAnExistingBucketPolicy() {
        aws.s3().putBucketPolicy(r -> r.bucket(aws.secretsBucket()).policy("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Sid\":\"TheirOwn\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + aws.secretsBucket() + "/*\"}]}"));
        assertThat(run(aws.writeIni(), "setup", "aws").exit()).isZero();
        String policy = aws.s3().getBucketPolicy(r -> r.bucket(aws.secretsBucket())).policy();
        assertThat(policy).contains("TheirOwn").contains("MesserDenyInsecureTransport");
    }

    @Test
    void setup_usesTheConfiguredBucketEncryptionKey() {
        Path ini = aws.writeIni(Map.of("sse_kms_key_id", aws.kmsKeyId()));
        assertThat(run(ini, "setup", "aws").exit()).isZero();
        assertThat(aws.s3().getBucketEncryption(r -> r.bucket(aws.keysBucket())).serverSideEncryptionConfiguration()
                .rules().get(0).applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo(aws.kmsKeyId());
    }

    @Test
    void setup_missingAlias_setsUpTheBuckets_thenFailsWithTheCreateAliasCommand() {
        Path ini = aws.writeIni(Map.of("master_key", "no-such-alias"));
        CliRun result = run(ini, "setup", "aws");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("alias/no-such-alias does not exist").contains("aws kms create-alias")
                .hasLineCount(1);
        assertHardened(aws.secretsBucket());
    }

    @Test
    void setup_onLocal_isUsageError() {
        CliRun result = aws.run("setup", "local");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("aws provider");
    }

    @Test
    void doctor_afterSetup_passesEveryCheck_withAWarningForThePlainHttpEmulator() {
        Path ini = aws.writeIni();
        assertThat(run(ini, "setup", "aws").exit()).isZero();
        CliRun result = run(ini, "doctor", "aws");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("[ok]   config").contains("[ok]   aws settings").contains("[ok]   region")
                .contains("us-east-1").contains("[ok]   credentials").contains("[ok]   secrets bucket")
                .contains("[ok]   keys bucket").contains("[ok]   master key alias").contains("[ok]   wrap/unwrap")
                .contains("[ok]   data keys").contains("[warn] transport").contains("endpoint_url http://")
                .doesNotContain("FAIL").doesNotContain("skip");
    }

    @Test
    void doctor_afterSetup_dataKeysOverPlainHttp_areRefusedByTheTlsOnlyPolicy() {
        Path ini = aws.writeIni();
        CliRun created = run(ini, "encryption", "create", "aws", "app");
        assertThat(created.exit()).as(created.toString()).isZero();
        CliRun before = run(ini, "doctor", "aws");
        assertThat(before.out()).contains("[ok]   data keys").contains("app v0");
        assertThat(run(ini, "setup", "aws").exit()).isZero();
        CliRun after = run(ini, "doctor", "aws");
        assertThat(after.exit()).isEqualTo(1);
        assertThat(after.out()).contains("[ok]   keys bucket").contains("[FAIL] data keys").contains("access denied")
                .contains("[warn] transport");
    }

    @Test
    void doctor_withRole_namesTheAssumedRole() {
        String role = "arn:aws:iam::123456789012:role/messer-admin";
        Path ini = aws.writeIni(Map.of("role_arn", role, "role_session_name", "doctor-it"));
        CliRun result = run(ini, "doctor", "aws");
        assertThat(result.out()).contains("[ok]   credentials and role")
                .contains("role " + role + " (role_arn) with environment (AWS_ACCESS_KEY_ID); caller arn:aws:sts::")
                .contains("session expires ");
    }

    @Test
    void doctor_unhardenedBuckets_failWithTheSetupFix() {
        CliRun result = run(aws.writeIni(), "doctor", "aws");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("[FAIL] secrets bucket").contains("public access is not blocked")
                .contains("versioning is not enabled").contains("does not deny requests without TLS")
                .contains("fix: run 'messer setup aws' with admin credentials")
                .contains("[ok]   master key alias").contains("[ok]   wrap/unwrap");
    }

    @Test
    void doctor_missingBucketAndAlias_failWithFixes_andSkipWhatNeedsThem() {
        Path ini = aws.writeIni(Map.of("secrets_bucket", fresh("missing"), "master_key", "no-such-alias"));
        CliRun result = run(ini, "doctor", "aws");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("[FAIL] secrets bucket").contains("does not exist")
                .contains("to create it").contains("[FAIL] master key alias").contains("aws kms create-alias")
                .contains("[skip] wrap/unwrap").contains("[skip] data keys");
    }

    @Test
    void doctor_unreachableEndpoint_failsAtTheFirstCall_notAtConfig() {
        Path ini = aws.writeIni(Map.of("endpoint_url", "http://127.0.0.1:" + MotoServer.closedPort()));
        CliRun result = run(ini, "doctor", "aws");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("[ok]   config").contains("[FAIL] credentials       cannot reach STS for "
                + "sts:GetCallerIdentity").contains("fix:").contains("[skip] secrets bucket");
    }
}
