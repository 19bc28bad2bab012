package dev.messer.aws;

import static dev.messer.aws.AwsCommandsIT.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assumed-role sessions kept between commands: with {@code role_arn} set, consecutive commands make
 * one {@code AssumeRole} call (counted on a relay in front of moto's STS); the files are private;
 * logout, expiry, tampering and {@code cache_sessions = false} behave as documented.
 */
@MotoTest
class RoleSessionCacheIT {

    private static final String ROLE = "arn:aws:iam::123456789012:role/messer-reader";
    private static final String MFA = "arn:aws:iam::123456789012:mfa/alice";

    @TempDir
    Path dir;
    private AwsFixture aws;
    private StsRelay sts;
    private Path config;
    private Path sessions;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        aws.storePaymentsItem(aws.writeIni().toString());
        sts = new StsRelay(aws.moto().endpoint());
        config = aws.writeIni(Map.of("role_arn", ROLE, "sts_endpoint_url", sts.endpoint().toString()));
        aws.env().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        sessions = dir.resolve("cache/messer/sessions");
    }

    @AfterEach
    void tearDown() {
        sts.close();
    }

    private CliRun show() {
        return aws.runWithConfig(config, "data", "bag", "show", "aws", "payments", "db", "--decrypt");
    }

    private CliRun showOk() {
        CliRun run = show();
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("s3cret");
        return run;
    }

    private List<Path> sessionFiles() throws IOException {
        if (!Files.isDirectory(sessions)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(sessions)) {
            return files.toList();
        }
    }

    private Path onlySessionFile() throws IOException {
        List<Path> files = sessionFiles();
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    @Test
    void twoCommands_makeOneAssumeRoleCall() {
        showOk();
        showOk();

        assertThat(sts.calls("AssumeRole")).hasSize(1);
    }

    @Test
    void twoAwsConfigFiles_withTheSameProfileName_neverShareACachedSession() {
        String roleA = "arn:aws:iam::123456789012:role/team-a";
        String roleB = "arn:aws:iam::123456789012:role/team-b";
        Path configA = aws.writeFile("a/config", "[profile dev]\nrole_arn = " + roleA + "\nsource_profile = base\n");
        Path configB = aws.writeFile("b/config", "[profile dev]\nrole_arn = " + roleB + "\nsource_profile = base\n");
        aws.env().put("AWS_SHARED_CREDENTIALS_FILE", aws.writeFile("credentials",
                "[base]\naws_access_key_id = testing\naws_secret_access_key = testing\n").toString());
        config = aws.writeIni(Map.of("aws_profile", "dev", "role_arn", ROLE, "sts_endpoint_url",
                sts.endpoint().toString()));

        aws.env().put("AWS_CONFIG_FILE", configA.toString());
        showOk();
        aws.env().put("AWS_CONFIG_FILE", configB.toString());
        showOk();
        aws.env().put("AWS_CONFIG_FILE", configA.toString());
        showOk();

        assertThat(sts.calls("AssumeRole")).as("each file's session is its own, and each is reused")
                .extracting(call -> call.get("RoleArn")).containsExactly(roleA, ROLE, roleB, ROLE);
    }

    @Test
    void twoAwsCredentialsFiles_withTheSameProfileName_neverShareACachedSession() {
        aws.env().put("AWS_CONFIG_FILE", aws.writeFile("config", "").toString());
        Path first = aws.writeFile("one/credentials", "[dev]\naws_access_key_id = AKIAFIRST\n"
                + "aws_secret_access_key = testing\n");
        Path second = aws.writeFile("two/credentials", "[dev]\naws_access_key_id = AKIASECOND\n"
                + "aws_secret_access_key = testing\n");
        config = aws.writeIni(Map.of("aws_profile", "dev", "role_arn", ROLE, "sts_endpoint_url",
                sts.endpoint().toString()));

        aws.env().put("AWS_SHARED_CREDENTIALS_FILE", first.toString());
        showOk();
        aws.env().put("AWS_SHARED_CREDENTIALS_FILE", second.toString());
        showOk();

        assertThat(sts.calls("AssumeRole")).hasSize(2);
    }

    @Test
    void sessionFile_is0600_inA0700Folder_andHoldsNoLongTermKey() throws IOException {
        showOk();

        Path file = onlySessionFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sessions))).isEqualTo("rwx------");
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertThat(json.get("role_arn").getAsString()).isEqualTo(ROLE);
        assertThat(json.get("session_token").getAsString()).isNotBlank();
        assertThat(json.get("access_key_id").getAsString()).isNotEqualTo(MotoServer.ACCESS_KEY);
        assertThat(file.getFileName().toString()).doesNotContain("messer-reader").doesNotContain(MotoServer.ACCESS_KEY);
    }

    @Test
    void logout_deletesTheSession_andTheNextCommandAssumesAgain() throws IOException {
        showOk();

        CliRun logout = aws.runWithConfig(config, "logout", "aws");

        assertThat(logout.exit()).as(logout.toString()).isZero();
        assertThat(logout.err()).contains("Deleted 1 cached AWS session.");
        assertThat(sessionFiles()).isEmpty();
        showOk();
        assertThat(sts.calls("AssumeRole")).hasSize(2);
    }

    @Test
    void logoutAll_deletesTheSessionsOfEveryProfile() throws IOException {
        showOk();
        Path other = aws.writeIni("other.ini", Map.of("role_arn", ROLE + "-2", "sts_endpoint_url", sts.endpoint().toString()));
        ok(aws.runWithConfig(other, "data", "bag", "show", "aws", "payments"));
        assertThat(sessionFiles()).hasSize(2);

        CliRun logout = aws.run("logout", "aws", "--all");

        assertThat(logout.exit()).as(logout.toString()).isZero();
        assertThat(logout.err()).contains("Deleted 2 cached AWS sessions.");
        assertThat(sessionFiles()).isEmpty();
    }

    @Test
    void sessionWithinFiveMinutesOfExpiry_isRenewed() throws IOException {
        showOk();
        Path file = onlySessionFile();
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        json.addProperty("expiration", Instant.now().plus(4, ChronoUnit.MINUTES).toString());
        Files.writeString(file, json.toString());

        showOk();

        assertThat(sts.calls("AssumeRole")).hasSize(2);
        Instant renewed = Instant.parse(JsonParser.parseString(Files.readString(file)).getAsJsonObject()
                .get("expiration").getAsString());
        assertThat(renewed).isAfter(Instant.now().plus(10, ChronoUnit.MINUTES));
    }

    @Test
    void tamperedFile_isRefusedWithAWarning_andReplaced() throws IOException {
        showOk();
        Path file = onlySessionFile();
        Files.writeString(file, "{\"format\":1,\"role_arn\":\"" + ROLE + "\",\"access_key_id\":");

        CliRun run = showOk();

        assertThat(run.err()).contains("warning: ignoring the cached AWS session " + file + " (it is corrupt); "
                + "it will be replaced");
        assertThat(sts.calls("AssumeRole")).hasSize(2);
        assertThat(JsonParser.parseString(Files.readString(file)).getAsJsonObject().get("session_token")).isNotNull();
    }

    @Test
    void groupReadableFile_isIgnoredWithAWarning_andReplacedPrivate() throws IOException {
        showOk();
        Path file = onlySessionFile();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        CliRun run = showOk();

        assertThat(run.err()).contains("ignoring the cached AWS session " + file + " (its mode is rw-r--r--, "
                + "readable by others)");
        assertThat(sts.calls("AssumeRole")).hasSize(2);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void fileOfAnotherUser_isIgnoredWithAWarning() throws IOException {
        showOk();
        Path file = onlySessionFile();
        UserPrincipal other;
        try {
            other = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(file, other);
        } catch (IOException e) {
            throw new IllegalStateException("giving the file to nobody needs root (tests run as root in CI): "
                    + e.getMessage(), e);
        }

        CliRun run = showOk();

        assertThat(run.err()).contains("ignoring the cached AWS session " + file + " (it belongs to nobody)");
        assertThat(sts.calls("AssumeRole")).hasSize(2);
        assertThat(Files.getOwner(file).getName()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void cacheSessionsFalse_assumesTheRoleInEveryCommand_andWritesNothing() throws IOException {
        aws.env().put("MESSER_CACHE_SESSIONS", "0");

        showOk();
        showOk();

        assertThat(sts.calls("AssumeRole")).hasSize(2);
        assertThat(sessionFiles()).isEmpty();
    }

    @Test
    void roleWithMfa_asksForTheCodeOnce_acrossCommands() {
        config = aws.writeIni(Map.of("role_arn", ROLE, "mfa_serial", MFA, "sts_endpoint_url", sts.endpoint().toString()));
        aws.env().put("MESSER_MFA_TOKEN", "123456");
        showOk();
        aws.env().remove("MESSER_MFA_TOKEN");

        showOk();

        assertThat(sts.calls("AssumeRole")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("SerialNumber", MFA).containsEntry("TokenCode", "123456"));
    }

    @Test
    void login_assumesTheRoleWithTheAskedDuration_andLaterCommandsReuseIt() {
        CliRun login = aws.runWithConfig(config, "login", "aws", "--duration", "1h");

        assertThat(login.exit()).as(login.toString()).isZero();
        assertThat(login.err()).contains("Signed in as arn:aws:sts::123456789012:assumed-role/messer-reader/messer until ")
                .contains("the next commands reuse this session");
        showOk();
        assertThat(sts.calls("AssumeRole")).singleElement()
                .satisfies(call -> assertThat(call).containsEntry("DurationSeconds", "3600"));
    }

    @Test
    void login_withoutARole_checksTheCredentials_andCachesNothing() throws IOException {
        Path noRole = aws.writeIni("norole.ini", Map.of("sts_endpoint_url", sts.endpoint().toString()));

        CliRun login = aws.runWithConfig(noRole, "login", "aws");

        assertThat(login.exit()).as(login.toString()).isZero();
        assertThat(login.err()).contains("The credentials from environment (AWS_ACCESS_KEY_ID) work: arn:aws:")
                .contains("There is no role to assume, so nothing was cached.");
        assertThat(sts.calls("GetCallerIdentity")).hasSize(1);
        assertThat(sessionFiles()).isEmpty();
    }

    @Test
    void login_withADurationOutsideWhatStsAccepts_isAUsageError() {
        CliRun login = aws.runWithConfig(config, "login", "aws", "--duration", "13h");

        assertThat(login.exit()).isEqualTo(2);
        assertThat(login.err()).contains("--duration is 13h; STS accepts 15m to 12h (within the role's maximum)");
        assertThat(sts.calls("AssumeRole")).isEmpty();
    }

    @Test
    void login_local_isAUsageError() {
        CliRun login = aws.run("login", "local");

        assertThat(login.exit()).isEqualTo(2);
        assertThat(login.err()).contains("'messer login' applies to aws only");
    }
}
