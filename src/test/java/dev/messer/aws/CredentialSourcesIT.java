package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every credential source the AWS CLI accepts, each proved by a real {@code data bag show --decrypt}
 * against moto with no access keys in the environment: {@code credential_process}, web identity
 * (variables and profile, answered by moto's STS), SSO in both forms (a loopback portal answers
 * {@code GetRoleCredentials}; the token cache is written as {@code aws sso login} writes it), and
 * {@code source_profile} role chains with {@code mfa_serial}.
 */
@MotoTest
class CredentialSourcesIT {

    private static final String ROLE = "arn:aws:iam::123456789012:role/ci-deploy";
    private static final String SSO_TOKEN = "sso-access-token-1";

    @TempDir
    Path dir;
    private AwsFixture aws;
    private StsRelay sts;
    private Path awsConfig;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        aws.storePaymentsItem(aws.writeIni().toString());
        aws.env().remove("AWS_ACCESS_KEY_ID");
        aws.env().remove("AWS_SECRET_ACCESS_KEY");
        aws.env().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        awsConfig = dir.resolve("home/.aws/config");
        sts = new StsRelay(aws.moto().endpoint());
    }

    @AfterEach
    void tearDown() {
        sts.close();
    }

    private void writeAwsConfig(String text) {
        try {
            Files.createDirectories(awsConfig.getParent());
            Files.writeString(awsConfig, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private CliRun show(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.putIfAbsent("sts_endpoint_url", sts.endpoint().toString());
        return aws.runWithConfig(aws.writeIni(all), "data", "bag", "show", "aws", "payments", "db", "--decrypt");
    }

    private static void assertDecrypted(CliRun run) {
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("s3cret");
    }

    @Test
    void withoutAnyCredentials_theErrorSaysWhereToPutThem() {
        CliRun run = show(Map.of());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no AWS credentials found; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
                + "or aws_profile (or AWS_PROFILE) naming a profile with credentials, SSO or credential_process");
    }

    @Test
    void credentialProcess_profile_decrypts() throws IOException {
        Path script = aws.writeFile("creds.sh", "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"testing\", "
                + "\"SecretAccessKey\": \"testing\"}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        writeAwsConfig("[profile helper]\ncredential_process = " + script + "\n");

        assertDecrypted(show(Map.of("aws_profile", "helper")));
    }

    @Test
    void credentialProcess_failing_saysWhichProfileAndCommand() throws IOException {
        Path script = aws.writeFile("broken.sh", "#!/bin/sh\necho 'not signed in' >&2\nexit 3\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        writeAwsConfig("[profile helper]\ncredential_process = " + script + "\n");

        CliRun run = show(Map.of("aws_profile", "helper"));

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("cannot get AWS credentials from AWS profile helper (credential_process) (")
                .contains("check the credential_process command of AWS profile helper (run it by hand)");
        assertThat(run.err().lines().filter(l -> !l.isBlank())).hasSize(1);
    }

    @Test
    void credentialProcess_printingBrokenJson_neverShowsItsSecret_evenWithDebug() throws IOException {
        String secret = "wJalrXUtnFEMIK7MDENGbPxRfiCYzSECRETzKEY";
        String token = "IQoJb3JpZ2luX2VjEXAMPLEsessionTOKEN0123456789abcdef";
        // unquoted, so that the JSON parser's message quotes the "unrecognized token"
        Path script = aws.writeFile("leaky.sh", "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIAEXAMPLE\", "
                + "\"SecretAccessKey\": " + secret + ", \"SessionToken\": " + token + "}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        writeAwsConfig("[profile helper]\ncredential_process = " + script + "\n");
        Map<String, String> settings = new java.util.HashMap<>(Map.of("aws_profile", "helper",
                "sts_endpoint_url", sts.endpoint().toString()));

        for (String[] extra : new String[][] {{}, {"--debug"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("data", "bag", "show", "aws",
                    "payments", "db", "--decrypt"), java.util.Arrays.stream(extra)).toArray(String[]::new);
            CliRun run = aws.runWithConfig(aws.writeIni(settings), args);

            assertThat(run.exit()).as(run.toString()).isEqualTo(1);
            assertThat(run.err()).contains("cannot get AWS credentials from AWS profile helper (credential_process)");
            for (String part : List.of(secret, token, secret.substring(0, 12), token.substring(0, 12),
                    secret.substring(secret.length() - 12), token.substring(token.length() - 12))) {
                assertThat(run.out() + run.err()).as(String.join(" ", extra)).doesNotContain(part);
            }
            if (extra.length > 0) {
                assertThat(run.err()).as("the stack trace stays, without the messages").contains("\tat ");
            }
        }
    }

    @Test
    void webIdentity_fromTheVariables_decryptsThroughAssumeRoleWithWebIdentity() {
        Path token = aws.writeFile("token.jwt", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        aws.env().put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
        aws.env().put("AWS_ROLE_ARN", ROLE);

        assertDecrypted(show(Map.of()));

        assertThat(sts.calls("AssumeRoleWithWebIdentity")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("RoleArn", ROLE)
                        .containsEntry("WebIdentityToken", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));
    }

    @Test
    void webIdentity_fromAProfile_decrypts() {
        Path token = aws.writeFile("token.jwt", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        writeAwsConfig("[profile eks]\nrole_arn = " + ROLE + "\nweb_identity_token_file = " + token
                + "\nrole_session_name = pod-1\n");

        assertDecrypted(show(Map.of("aws_profile", "eks")));

        assertThat(sts.calls("AssumeRoleWithWebIdentity")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("RoleSessionName", "pod-1"));
    }

    @Test
    void webIdentity_withAMissingTokenFile_namesTheFile() {
        aws.env().put("AWS_WEB_IDENTITY_TOKEN_FILE", dir.resolve("absent.jwt").toString());
        aws.env().put("AWS_ROLE_ARN", ROLE);

        CliRun run = show(Map.of());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("the web identity token file " + dir.resolve("absent.jwt") + " cannot be read "
                + "(NoSuchFileException); check AWS_WEB_IDENTITY_TOKEN_FILE or web_identity_token_file");
    }

    private void writeSsoToken(String cacheKey, Instant expiresAt) throws IOException {
        writeSsoToken(cacheKey, expiresAt, Instant.now().minus(1, ChronoUnit.DAYS));
    }

    /** A token as {@code aws sso login} writes it; the client registration ends at {@code registrationEnds}. */
    private void writeSsoToken(String cacheKey, Instant expiresAt, Instant registrationEnds) throws IOException {
        Path file = dir.resolve("home/.aws/sso/cache/" + sha1(cacheKey) + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"startUrl\": \"https://acme.awsapps.com/start\", \"region\": \"eu-west-1\", "
                + "\"accessToken\": \"" + SSO_TOKEN + "\", \"expiresAt\": \"" + expiresAt.truncatedTo(ChronoUnit.SECONDS)
                + "\", \"clientId\": \"client-1\", \"clientSecret\": \"secret-1\", \"refreshToken\": \"refresh-1\", "
                + "\"registrationExpiresAt\": \"" + registrationEnds.truncatedTo(ChronoUnit.SECONDS) + "\"}");
    }

    private static final String SSO_SESSION_CONFIG = "[profile dev-sso]\nsso_session = acme\nsso_account_id = 123456789012\n"
            + "sso_role_name = Developer\nregion = us-east-1\n\n[sso-session acme]\n"
            + "sso_start_url = https://acme.awsapps.com/start\nsso_region = eu-west-1\nsso_registration_scopes = sso:account:access\n";

    @Test
    void sso_sessionForm_decryptsWithTheCachedToken() throws IOException {
        writeAwsConfig(SSO_SESSION_CONFIG);
        writeSsoToken("acme", Instant.now().plus(1, ChronoUnit.HOURS));
        try (FakeSsoPortal portal = new FakeSsoPortal(SSO_TOKEN)) {
            assertDecrypted(show(Map.of("aws_profile", "dev-sso", "sso_endpoint_url", portal.endpoint().toString())));

            assertThat(portal.requests()).singleElement().asString()
                    .startsWith("GET /federation/credentials?").contains("account_id=123456789012").contains("role_name=Developer");
        }
    }

    @Test
    void sso_legacyForm_decryptsWithTheCachedToken() throws IOException {
        writeAwsConfig("[profile old-sso]\nsso_start_url = https://acme.awsapps.com/start\nsso_region = eu-west-1\n"
                + "sso_account_id = 123456789012\nsso_role_name = Developer\n");
        writeSsoToken("https://acme.awsapps.com/start", Instant.now().plus(1, ChronoUnit.HOURS));
        try (FakeSsoPortal portal = new FakeSsoPortal(SSO_TOKEN)) {
            aws.env().put("AWS_PROFILE", "old-sso");
            aws.env().put("AWS_ENDPOINT_URL_SSO", portal.endpoint().toString());

            assertDecrypted(show(Map.of()));

            assertThat(portal.requests()).hasSize(1);
        }
    }

    @Test
    void sso_expiredToken_asksToSignInAgain_withTheAwsProfileName() throws IOException {
        writeAwsConfig(SSO_SESSION_CONFIG);
        writeSsoToken("acme", Instant.now().minus(1, ChronoUnit.MINUTES));
        try (FakeSsoPortal portal = new FakeSsoPortal(SSO_TOKEN)) {
            CliRun run = show(Map.of("aws_profile", "dev-sso", "sso_endpoint_url", portal.endpoint().toString()));

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("the AWS SSO sign-in of profile dev-sso expired at ")
                    .contains("; run 'aws sso login --profile dev-sso'");
            assertThat(portal.requests()).isEmpty();
        }
    }

    @Test
    void sso_sessionForm_expiredToken_isRenewedWithItsRefreshToken_andWrittenBack() throws IOException {
        writeAwsConfig(SSO_SESSION_CONFIG);
        writeSsoToken("acme", Instant.now().minus(1, ChronoUnit.MINUTES), Instant.now().plus(30, ChronoUnit.DAYS));
        try (FakeSsoPortal portal = new FakeSsoPortal(SSO_TOKEN)) {
            aws.env().put("AWS_ENDPOINT_URL_SSO_OIDC", portal.endpoint().toString());

            assertDecrypted(show(Map.of("aws_profile", "dev-sso", "sso_endpoint_url", portal.endpoint().toString())));

            assertThat(portal.renewals()).isEqualTo(1);
            String cached = Files.readString(dir.resolve("home/.aws/sso/cache/" + sha1("acme") + ".json"));
            assertThat(cached).contains("\"refreshToken\":\"refresh-2\"");
            assertThat(Instant.parse(com.google.gson.JsonParser.parseString(cached).getAsJsonObject().get("expiresAt")
                    .getAsString())).isAfter(Instant.now().plus(50, ChronoUnit.MINUTES));
        }
    }

    @Test
    void sso_noSignIn_asksToSignIn() {
        writeAwsConfig(SSO_SESSION_CONFIG);
        try (FakeSsoPortal portal = new FakeSsoPortal(SSO_TOKEN)) {
            CliRun run = show(Map.of("aws_profile", "dev-sso", "sso_endpoint_url", portal.endpoint().toString()));

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("there is no AWS SSO sign-in for profile dev-sso; run 'aws sso login --profile dev-sso'");
        }
    }

    @Test
    void sso_tokenThePortalRefuses_asksToSignInAgain() throws IOException {
        writeAwsConfig(SSO_SESSION_CONFIG);
        writeSsoToken("acme", Instant.now().plus(1, ChronoUnit.HOURS));
        try (FakeSsoPortal portal = new FakeSsoPortal("another-token")) {
            CliRun run = show(Map.of("aws_profile", "dev-sso", "sso_endpoint_url", portal.endpoint().toString()));

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("cannot get AWS credentials from AWS profile dev-sso (SSO, role Developer in "
                    + "account 123456789012) (Session token not found or invalid); run 'aws sso login --profile dev-sso'");
        }
    }

    @Test
    void sourceProfileChain_withMfa_decrypts_andAsksForTheCodeOnceAcrossCommands() {
        writeAwsConfig("[profile admin]\nrole_arn = " + ROLE + "\nsource_profile = base\n"
                + "mfa_serial = arn:aws:iam::123456789012:mfa/alice\nregion = us-east-1\n");
        aws.writeFile("home/.aws/credentials", "[base]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
        aws.env().put("MESSER_MFA_TOKEN", "654321");

        assertDecrypted(show(Map.of("aws_profile", "admin")));
        aws.env().remove("MESSER_MFA_TOKEN");
        assertDecrypted(show(Map.of("aws_profile", "admin")));

        assertThat(sts.calls("AssumeRole")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("RoleArn", ROLE).containsEntry("TokenCode", "654321")
                        .containsEntry("SerialNumber", "arn:aws:iam::123456789012:mfa/alice"));
    }

    @Test
    void sourceProfileLoop_isAConfigError() {
        writeAwsConfig("[profile a]\nrole_arn = " + ROLE + "\nsource_profile = b\n\n[profile b]\nrole_arn = " + ROLE
                + "\nsource_profile = a\n");

        CliRun run = show(Map.of("aws_profile", "a"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("AWS profile a is part of a source_profile loop (a -> b -> a); fix source_profile "
                + "in the AWS config");
    }

    @Test
    void region_comesFromTheAwsProfile_whenMesserSetsNone() throws IOException {
        writeAwsConfig("[profile helper]\nregion = " + MotoServer.REGION + "\ncredential_process = " + credentialScript() + "\n");

        assertDecrypted(show(Map.of("aws_profile", "helper", "region", "")));
    }

    @Test
    void doctor_showsTheSource_theCallerArn_andTheSessionExpiry() throws IOException {
        writeAwsConfig("[profile helper]\ncredential_process = " + credentialScript() + "\n");

        CliRun run = aws.runWithConfig(aws.writeIni(Map.of("aws_profile", "helper", "role_arn", ROLE,
                "sts_endpoint_url", sts.endpoint().toString())), "doctor", "aws");

        assertThat(run.out()).contains("[ok]   credentials and role  role " + ROLE + " (role_arn) with AWS profile helper "
                + "(credential_process); caller arn:aws:sts::123456789012:assumed-role/ci-deploy/messer; session expires 20");
    }

    private Path credentialScript() throws IOException {
        Path script = aws.writeFile("creds.sh", "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"testing\", "
                + "\"SecretAccessKey\": \"testing\"}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
