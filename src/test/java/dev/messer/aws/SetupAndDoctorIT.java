package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.cli.CliRun;
import dev.messer.aws.setup.BucketHardening;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
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
    }

    @Test
    void setup_createsMissingBuckets_hardened_andChecksTheAlias() {
        String secrets = fresh("new-secrets");
        String keys = fresh("new-keys");
        Path ini = aws.writeIni(Map.of("secrets_bucket", secrets, "keys_bucket", keys));
        CliRun result = run(ini, "setup", "aws", "--fix");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("secrets bucket s3://" + secrets + ": created in us-east-1, public access blocked")
                .contains("keys bucket s3://" + keys + ": created").contains("versioning enabled")
                .contains("master key: alias/" + aws.masterKey() + " -> key " + aws.kmsKeyId());
        assertHardened(secrets);
        assertHardened(keys);
    }

    @Test
    void setup_overPlainHttp_skipsTheTlsOnlyBucketPolicy_withAWarning_soTheBucketsStayUsable() {
        Path ini = aws.writeIni();
        CliRun result = run(ini, "setup", "aws", "--fix");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).contains("warning: S3 endpoint http://").contains("TLS-only bucket policy is not applied");
        assertThat(result.out()).doesNotContain("TLS-only bucket policy");
        assertThat(aws.s3().listObjectsV2(r -> r.bucket(aws.secretsBucket())).sdkHttpResponse().isSuccessful()).isTrue();
        assertThatThrownBy(() -> aws.s3().getBucketPolicy(r -> r.bucket(aws.secretsBucket())))
                .hasMessageContaining("bucket policy does not exist");
        CliRun created = run(ini, "encryption", "create", "aws", "app");
        assertThat(created.exit()).as(created.toString()).isZero();
        assertThat(run(ini, "doctor", "aws").out()).contains("[ok]   data keys").contains("[ok]   secrets bucket");
    }

    @Test
    void tlsOnlyPolicy_overHttps_isAdded_keepingOtherStatements_andCoversTheBucketAndItsObjects() {
        aws.s3().putBucketPolicy(r -> r.bucket(aws.secretsBucket()).policy("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Sid\":\"TheirOwn\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + aws.secretsBucket() + "/*\"}]}"));
        BucketHardening hardening = new BucketHardening(aws.s3(), Region.US_EAST_1, Optional.empty(), true);
        assertThat(hardening.problems(aws.secretsBucket())).contains("the bucket policy does not deny requests without TLS");
        assertThat(hardening.apply(aws.secretsBucket())).contains("TLS-only bucket policy");
        String policy = aws.s3().getBucketPolicy(r -> r.bucket(aws.secretsBucket())).policy();
        assertThat(policy).contains("TheirOwn").contains("MesserDenyInsecureTransport")
                .contains("\"aws:SecureTransport\":\"false\"").contains("arn:aws:s3:::" + aws.secretsBucket() + "\"")
                .contains("arn:aws:s3:::" + aws.secretsBucket() + "/*");
        assertThat(hardening.problems(aws.secretsBucket())).isEmpty();
    }

    @Test
    void refusalByTheTlsOnlyPolicyOverPlainHttp_namesThePolicy() {
        Path ini = aws.writeIni();
        new BucketHardening(aws.s3(), Region.US_EAST_1, Optional.empty(), true).apply(aws.keysBucket());

        CliRun result = run(ini, "encryption", "create", "aws", "app");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).startsWith("messer: access denied: s3:").contains("s3://" + aws.keysBucket())
                .contains("plain-HTTP endpoint " + aws.moto().endpoint()).contains("MesserDenyInsecureTransport")
                .contains("use an https:// endpoint").hasLineCount(1);
    }

    @Test
    void tlsOnlyCheck_looksAtTheStatementsResources() {
        String other = fresh("other");
        aws.s3().putBucketPolicy(r -> r.bucket(aws.secretsBucket()).policy("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Sid\":\"OtherBucketOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":[\"arn:aws:s3:::" + other + "\",\"arn:aws:s3:::" + other + "/*\"],"
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"));
        BucketHardening hardening = new BucketHardening(aws.s3(), Region.US_EAST_1, Optional.empty(), true);
        assertThat(hardening.problems(aws.secretsBucket())).contains("the bucket policy does not deny requests without TLS");
    }

    @Test
    void setup_secondRun_changesNothing() {
        Path ini = aws.writeIni();
        assertThat(run(ini, "setup", "aws", "--fix").exit()).isZero();
        CliRun again = run(ini, "setup", "aws");
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.out()).contains("secrets bucket s3://" + aws.secretsBucket() + ": already as required")
                .contains("keys bucket s3://" + aws.keysBucket() + ": already as required")
                .contains("master key rotation: on").contains("master key tags: messer:tier=dev");
    }

    @Test
    void setup_usesTheConfiguredBucketEncryptionKey() {
        Path ini = aws.writeIni(Map.of("sse_kms_key_id", aws.kmsKeyId()));
        assertThat(run(ini, "setup", "aws", "--fix").exit()).isZero();
        assertThat(aws.s3().getBucketEncryption(r -> r.bucket(aws.keysBucket())).serverSideEncryptionConfiguration()
                .rules().get(0).applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo(aws.kmsKeyId());
    }

    @Test
    void setup_missingAlias_setsUpTheBuckets_thenFailsNamingCreateKey() {
        Path ini = aws.writeIni(Map.of("master_key", "no-such-alias"));
        CliRun result = run(ini, "setup", "aws");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("alias/no-such-alias does not exist").contains("messer setup aws --create-key")
                .hasLineCount(2);
        assertHardened(aws.secretsBucket());
    }

    @Test
    void setup_onLocal_isUsageError() {
        CliRun result = aws.run("setup", "local");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("'messer setup' applies to aws only").contains("configure local");
    }

    @Test
    void doctor_afterSetup_passesEveryCheck_withAWarningForThePlainHttpEmulator() {
        Path ini = aws.writeIni();
        assertThat(run(ini, "setup", "aws", "--fix").exit()).isZero();
        CliRun result = run(ini, "doctor", "aws");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("[ok]   config").contains("[ok]   aws settings").contains("[ok]   region")
                .contains("us-east-1").contains("[ok]   credentials").contains("[ok]   secrets bucket")
                .contains("[ok]   keys bucket").contains("[ok]   master key alias").contains("[ok]   wrap/unwrap")
                .contains("[ok]   data keys").contains("[warn] transport").contains("endpoint_url http://")
                .doesNotContain("FAIL").doesNotContain("skip");
    }

    @Test
    void doctor_flagsAPlantedPrincipalStarStatement_andRotationOff() {
        Path ini = aws.writeIni();
        assertThat(run(ini, "setup", "aws", "--fix").exit()).isZero();
        aws.kms().disableKeyRotation(r -> r.keyId(aws.kmsKeyId()));
        aws.kms().putKeyPolicy(r -> r.keyId(aws.kmsKeyId()).policyName("default").policy("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Sid\":\"Planted\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}"));

        CliRun result = run(ini, "doctor", "aws");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("[warn] key rotation").contains("automatic key rotation is off")
                .contains("[FAIL] key policy").contains("statement Planted allows kms:Decrypt to Principal \"*\"")
                .contains("[ok]   key tags");
    }

    @Test
    void setupAndDoctor_failOnBroadKeyGrants_thatAreCasedOddly_negated_orHiddenUnderAMesserSid() {
        Path ini = aws.writeIni();
        assertThat(run(ini, "setup", "aws", "--fix").exit()).isZero();
        aws.kms().putKeyPolicy(r -> r.keyId(aws.kmsKeyId()).policyName("default").policy("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Sid\":\"Root\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::123456789012:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"Shouting\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::999999999999:root\"},"
                + "\"Action\":\"KMS:*\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"AllBut\",\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::123456789012:role/x\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"AllActionsBut\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::123456789012:role/ci\"},\"NotAction\":\"kms:ScheduleKeyDeletion\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"MesserReadersUnwrap\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEqualsIfExists\":{\"kms:EncryptionContext:messer:tier\":"
                + "[\"dev\"]}}}]}"));

        CliRun doctor = run(ini, "doctor", "aws");
        CliRun setup = run(ini, "setup", "aws", "--fix");

        for (CliRun result : List.of(doctor, setup)) {
            assertThat(result.exit()).as(result.toString()).isEqualTo(1);
            assertThat(result.out()).contains("statement Shouting allows KMS:* to arn:aws:iam::999999999999:root")
                    .contains("statement AllBut allows kms:* to every principal but arn:aws:iam::123456789012:role/x "
                            + "(NotPrincipal)")
                    .contains("statement AllActionsBut allows every action but kms:ScheduleKeyDeletion (NotAction)")
                    .contains("statement MesserReadersUnwrap allows kms:Decrypt to Principal \"*\" without a condition")
                    .doesNotContain("no broad grants");
        }
        assertThat(doctor.out()).contains("[FAIL] key policy");
        assertThat(setup.err()).contains("remove the broad grants from the key policy by hand");
    }

    @Test
    void setupAndDoctor_failOnABucketPolicyGrantToPrincipalStar_thatNoConditionPinsToACaller() {
        Path ini = aws.writeIni();
        assertThat(run(ini, "setup", "aws", "--fix").exit()).isZero();
        aws.s3().putBucketPolicy(r -> r.bucket(aws.secretsBucket()).policy("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Sid\":\"FromTheVpc\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + aws.secretsBucket() + "/*\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}}}]}"));

        CliRun doctor = run(ini, "doctor", "aws");
        CliRun setup = run(ini, "setup", "aws");

        assertThat(doctor.exit()).as(doctor.toString()).isEqualTo(1);
        assertThat(doctor.out()).contains("[FAIL] secrets bucket").contains("the bucket policy's statement FromTheVpc "
                + "allows s3:GetObject to Principal \"*\" without a condition").contains("aws s3api put-bucket-policy")
                .contains("[ok]   keys bucket");
        assertThat(setup.exit()).as(setup.toString()).isEqualTo(1);
        assertThat(setup.out()).contains("secrets bucket s3://" + aws.secretsBucket() + ": the bucket policy's statement "
                + "FromTheVpc allows s3:GetObject");
        assertThat(setup.err()).contains("a bucket policy grants too much; remove the broad grants from the bucket policy");
    }

    @Test
    void doctor_namesTheEndpointsInUse_andKeyVersionsLackingTheTier() {
        Path tierless = aws.writeIni("tierless.ini", Map.of("tier", ""));
        assertThat(run(tierless, "encryption", "create", "aws", "old").exit()).isZero();
        Path ini = aws.writeIni();
        assertThat(run(ini, "setup", "aws", "--fix").exit()).isZero();

        CliRun result = run(ini, "doctor", "aws");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("[ok]   endpoints").contains("KMS override " + aws.moto().endpoint())
                .contains("[warn] key tiers").contains("old v0").contains("bulk rotate-keys");
    }

    @Test
    void doctorWithRole_saysWhatTheKeyPolicyLetsThatCallerDo() {
        String reader = "arn:aws:iam::123456789012:role/messer-reader";
        Path ini = aws.writeIni(Map.of("role_arn", reader));
        Path admin = aws.writeIni("admin.ini", Map.of());
        assertThat(run(admin, "setup", "aws", "--fix", "--reader-role", reader, "--account", "123456789012").exit())
                .isZero();

        CliRun asReader = run(ini, "doctor", "aws", "--role", "reader");
        assertThat(asReader.out()).contains("[ok]   key policy for reader").contains("lets " + reader
                + " kms:Decrypt (with conditions)");
        CliRun asAdmin = run(ini, "doctor", "aws", "--role", "admin");
        assertThat(asAdmin.out()).contains("[warn] key policy for admin")
                .contains("kms:GenerateDataKeyWithoutPlaintext").contains("IAM policies");
    }

    @Test
    void doctor_withRoleOnLocal_isUsageError() {
        CliRun result = aws.run("doctor", "local", "--role", "reader");
        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1).first().asString()
                .startsWith("messer: --role is for 'doctor aws': a local profile has no key policy");
        assertThat(result.out()).isEmpty();
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
        Path ini = aws.writeIni();
        CliRun result = run(ini, "doctor", "aws");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("[FAIL] secrets bucket").contains("public access is not blocked")
                .contains("versioning is not enabled")
                .contains("fix: run 'messer setup aws --profile aws -c " + ini + "' with admin credentials")
                .contains("[ok]   master key alias").contains("[ok]   wrap/unwrap");
    }

    @Test
    void doctor_missingBucketAndAlias_failWithFixes_andSkipWhatNeedsThem() {
        Path ini = aws.writeIni(Map.of("secrets_bucket", fresh("missing"), "master_key", "no-such-alias"));
        CliRun result = run(ini, "doctor", "aws");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("[FAIL] secrets bucket").contains("does not exist")
                .contains("to create it").contains("[FAIL] master key alias")
                .contains("fix: create the key and its alias with 'messer setup aws --create-key --profile aws -c " + ini
                        + "'").doesNotContain("aws kms create-alias")
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
