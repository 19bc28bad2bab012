package dev.messer.aws;

import static dev.messer.aws.AwsCommandsIT.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.app.Session;
import dev.messer.app.Sessions;
import dev.messer.app.TestSessions;
import dev.messer.cli.CliRun;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import dev.messer.databag.ItemDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which clients a command makes, and where credentials, region and endpoints come from. */
@MotoTest
class AwsClientFactoryIT {

    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/messer-reader";

    @TempDir
    Path dir;
    private AwsFixture aws;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        String config = aws.writeIni().toString();
        aws.storePaymentsItem(config);
    }

    @Test
    void showWithoutDecrypt_makesOnlyAnS3Client() {
        try (Session<?> session = open(aws.settings())) {
            assertThat(session.bags().listBags()).containsExactly("payments");
            assertThat(session.items().read("payments", "db").item().keyRef().name()).isEqualTo("app");

            assertThat(clients(session)).containsExactly(AwsService.S3);
        }
    }

    @Test
    void showWithoutDecrypt_withRole_makesOnlyTheStsClient_theReadGoesLean() {
        try (Session<?> session = open(aws.settings(Map.of(Setting.ROLE_ARN, ROLE_ARN)))) {
            session.items().read("payments", "db");

            assertThat(clients(session)).containsExactly(AwsService.STS);
        }
    }

    @Test
    void openingASession_makesNoClientAtAll() {
        try (Session<?> session = open(aws.settings(Map.of(Setting.ROLE_ARN, ROLE_ARN)))) {
            assertThat(clients(session)).isEmpty();
        }
    }

    @Test
    void decrypt_makesNoS3OrKmsClient_andUnwrapsOnce() {
        try (Session<?> session = open(aws.settings())) {
            ItemDocument first = session.items().open("payments", "db").document();
            ItemDocument again = session.items().open("payments", "db").document();

            assertThat(first.json().get("password").getAsString()).isEqualTo("s3cret");
            assertThat(again.id()).isEqualTo("db");
            assertThat(clients(session)).isEmpty();
            assertThat(session.dataKeys().unwrapCount()).isEqualTo(1);
        }
    }

    @Test
    void decryptThroughTheFullClients_makesTheKmsClientOnce() {
        try (Session<?> session = open(aws.settings())) {
            ((AwsBackend) session.backend()).clients().leanReads(LeanReads.Use.NEVER);
            ItemDocument first = session.items().open("payments", "db").document();
            ItemDocument again = session.items().open("payments", "db").document();

            assertThat(first.json().get("password").getAsString()).isEqualTo("s3cret");
            assertThat(again.id()).isEqualTo("db");
            assertThat(clients(session)).containsExactly(AwsService.S3, AwsService.KMS);
            assertThat(session.dataKeys().unwrapCount()).isEqualTo(1);
        }
    }

    @Test
    void decryptFromAPlainHttpEndpoint_neverBuildsTheTlsClient() {
        try (Session<?> session = open(aws.settings())) {
            session.items().open("payments", "db").document();

            assertThat(((AwsBackend) session.backend()).clients().tlsClientBuilt()).isFalse();
        }
    }

    @Test
    void roleArn_takesCredentialsFromSts() {
        int closed = MotoServer.closedPort();
        String config = aws.writeIni(Map.of("role_arn", ROLE_ARN,
                "sts_endpoint_url", "http://127.0.0.1:" + closed)).toString();

        CliRun run = aws.run("data", "bag", "show", "aws", "payments", "-c", config);

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).startsWith("messer: cannot reach STS for sts:AssumeRole on " + ROLE_ARN)
                .contains("check region, endpoint_url and the network").hasLineCount(1);
    }

    @Test
    void roleWithMfa_usesTheTokenFromTheEnvironment() {
        String config = aws.writeIni(Map.of("role_arn", ROLE_ARN, "role_session_name", "alice-session",
                "mfa_serial", "arn:aws:iam::123456789012:mfa/alice", "external_id", "acme-external",
                "role_duration_seconds", "900")).toString();
        aws.env().put("MESSER_MFA_TOKEN", "123456");

        CliRun run = aws.run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config);

        assertThat(ok(run).out()).contains("\"password\":\"s3cret\"");
    }

    @Test
    void roleWithMfa_withoutTokenOrTerminal_failsAsking() {
        String config = aws.writeIni(Map.of("role_arn", ROLE_ARN,
                "mfa_serial", "arn:aws:iam::123456789012:mfa/alice")).toString();

        CliRun run = aws.run("data", "bag", "show", "aws", "payments", "-c", config);

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("needs an MFA code for arn:aws:iam::123456789012:mfa/alice")
                .contains("set MESSER_MFA_TOKEN").hasLineCount(1);
    }

    @Test
    void roleDurationOutOfRange_isAConfigError() {
        String config = aws.writeIni(Map.of("role_arn", ROLE_ARN, "role_duration_seconds", "60")).toString();

        CliRun run = aws.run("data", "bag", "show", "aws", "-c", config);

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("role_duration_seconds is 60").contains("900 to 43200");
    }

    @Test
    void credentialsComeFromTheCommandEnvironment_notOnlyTheProcess() {
        String config = aws.writeIni().toString();
        aws.env().remove("AWS_ACCESS_KEY_ID");
        aws.env().remove("AWS_SECRET_ACCESS_KEY");

        CliRun run = aws.run("data", "bag", "show", "aws", "-c", config);

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).startsWith("messer: no AWS credentials found; set AWS_ACCESS_KEY_ID")
                .contains("aws_profile").hasLineCount(1);
    }

    @Test
    void awsProfileSetting_readsTheSharedCredentialsFileUnderHome() {
        writeCredentialsFile("ci");
        String config = aws.writeIni(Map.of("aws_profile", "ci")).toString();
        aws.env().remove("AWS_ACCESS_KEY_ID");
        aws.env().remove("AWS_SECRET_ACCESS_KEY");

        assertThat(ok(aws.run("data", "bag", "show", "aws", "-c", config)).out().lines()).containsExactly("payments");
    }

    @Test
    void awsProfileVariable_andRegionVariable_comeFromTheCommandEnvironment() {
        writeCredentialsFile("pipeline");
        String config = aws.writeIni(Map.of("region", "")).toString();
        aws.env().remove("AWS_ACCESS_KEY_ID");
        aws.env().remove("AWS_SECRET_ACCESS_KEY");
        aws.env().put("AWS_PROFILE", "pipeline");
        aws.env().put("AWS_REGION", MotoServer.REGION);

        CliRun run = aws.run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config);

        assertThat(ok(run).out()).contains("\"password\":\"s3cret\"");
    }

    @Test
    void awsDefaultRegionVariable_isHonoured_whenNeitherTheSettingNorAwsRegionIsSet() {
        String config = aws.writeIni(Map.of("region", "")).toString();
        aws.env().remove("AWS_REGION");
        aws.env().put("AWS_DEFAULT_REGION", MotoServer.REGION);

        CliRun run = aws.run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config);

        assertThat(ok(run).out()).contains("\"password\":\"s3cret\"");
    }

    @Test
    void missingAwsProfile_saysSoInOneLine() {
        String config = aws.writeIni(Map.of("aws_profile", "nobody")).toString();

        CliRun run = aws.run("data", "bag", "show", "aws", "-c", config);

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("messer: AWS profile nobody is not in the AWS config or credentials file; "
                + "check aws_profile and AWS_PROFILE, or run 'aws configure --profile nobody'\n");
    }

    @Test
    void noRegionAnywhere_isAConfigError() {
        String config = aws.writeIni(Map.of("region", "")).toString();

        CliRun run = aws.run("data", "bag", "show", "aws", "-c", config);

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("messer: no AWS region is set; set region in the profile "
                + "('messer configure aws -r REGION -c " + config + "') or AWS_REGION\n");
    }

    @Test
    void endpointVariables_areUsedWhenTheSettingsAreBlank() {
        String config = aws.writeIni(Map.of("endpoint_url", "")).toString();
        aws.env().put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + MotoServer.closedPort());
        aws.env().put("AWS_ENDPOINT_URL_S3", aws.moto().endpoint().toString());
        aws.env().put("AWS_ENDPOINT_URL_KMS", aws.moto().endpoint().toString());

        CliRun run = aws.run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config);

        assertThat(ok(run).out()).contains("\"password\":\"s3cret\"");
    }

    @Test
    void endpointSetting_winsOverTheVariables() {
        String config = aws.writeIni().toString();
        aws.env().put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + MotoServer.closedPort());

        assertThat(ok(aws.run("data", "bag", "show", "aws", "-c", config)).out().lines()).containsExactly("payments");
    }

    @Test
    void perServiceEndpointSetting_winsOverEndpointUrl() {
        String config = aws.writeIni(Map.of("endpoint_url", "http://127.0.0.1:" + MotoServer.closedPort(),
                "s3_endpoint_url", aws.moto().endpoint().toString())).toString();

        CliRun listing = aws.run("data", "bag", "show", "aws", "-c", config);
        CliRun decrypting = aws.run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config);

        assertThat(ok(listing).out().lines()).containsExactly("payments");
        assertThat(decrypting.exit()).isEqualTo(1);
        assertThat(decrypting.err()).startsWith("messer: cannot reach KMS for kms:Decrypt on alias/" + aws.masterKey());
    }

    private void writeCredentialsFile(String profile) {
        aws.writeFile("home/.aws/credentials", "[" + profile + "]\naws_access_key_id = " + MotoServer.ACCESS_KEY
                + "\naws_secret_access_key = " + MotoServer.SECRET_KEY + "\n");
    }

    private Session<?> open(Settings settings) {
        Map<String, String> env = Map.copyOf(aws.env());
        return new Sessions(env, TestSessions.prompts(env)).open(settings);
    }

    private static List<AwsService> clients(Session<?> session) {
        return ((AwsBackend) session.backend()).clients().createdClients();
    }

}
