package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** messer configure: writing values, -p with sources, master key creation, and what it refuses. */
class ConfigureCommandTest {

    @TempDir
    Path sandbox;

    CliSandbox cli;

    @BeforeEach
    void setUp() {
        cli = new CliSandbox(sandbox);
    }

    static final String MESSER_2 = """
            # Messer 2.x
            [messer]
            # the master key
            master_key=
            tier=
            silent=

            [aws]
            secrets_bucket=
            keys_bucket=
            role_arn=
            role_session_name=
            aws_profile=
            encryption_context=
            region=
            secrets_folder=

            [azure]
            azure_client_id=
            """;

    @Test
    void print_showsEveryEffectiveValueWithItsSource() throws IOException {
        cli.ok("configure", "local", "-e", "qa");
        cli.env.put("MESSER_SECRETS_FOLDER", "team");
        CliRun result = cli.ok("configure", "local", "-p");

        assertThat(result.outLines()).contains(
                "# profile: local; file: " + cli.configFile(),
                "provider = local    ; [profile local]",
                "tier = qa    ; [profile local]",
                "master_key = default    ; [profile local]",
                "secrets_folder = team    ; MESSER_SECRETS_FOLDER",
                "secrets_bucket = secrets    ; default",
                "item_format = 2    ; default");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void valuesAndPrint_writeThenPrint() {
        CliRun result = cli.ok("configure", "local", "-e", "stage", "-p");
        assertThat(result.err()).contains("Wrote 1 setting(s) to [profile local] in " + cli.configFile());
        assertThat(result.out()).contains("tier = stage    ; [profile local]");
    }

    @Test
    void valuesWithoutPrint_printNothingOnStdout() {
        assertThat(cli.ok("configure", "local", "-e", "stage").out()).isEmpty();
    }

    @Test
    void configureLocal_createsTheNamedMasterKeyFile0600() throws IOException {
        cli.ok("configure", "local", "-m", "team-key");
        Path key = cli.localRoot().resolve("master-keys/team-key.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.size(key)).isEqualTo(38);
    }

    @Test
    void configureLocal_localRootFlag_putsEverythingThere() throws IOException {
        Path root = sandbox.resolve("vault");
        cli.ok("configure", "local", "--local-root", root.toString());
        cli.ok("encryption", "create", "local", "app");
        assertThat(root.resolve("master-keys/default.key")).exists();
        assertThat(root.resolve("keys/app/0")).exists();
        assertThat(cli.localRoot()).doesNotExist();
    }

    @Test
    void explicitProfile_isCreatedBesideTheOthers() throws IOException {
        cli.ok("configure", "local");
        String before = Files.readString(cli.configFile());
        cli.ok("configure", "local", "--profile", "prod", "-e", "prod", "-m", "prod-key");

        assertThat(Files.readString(cli.configFile())).isEqualTo(before
                + "\n[profile prod]\nprovider = local\ntier = prod\nmaster_key = prod-key\nmin_item_format = 2\n");
        assertThat(cli.localRoot().resolve("master-keys/prod-key.key")).exists();
        assertThat(cli.ok("configure", "local", "-p").out()).contains("tier = dev");
    }

    @Test
    void newProfile_overAnEmptyTierPrefix_startsWithMinItemFormat2_andSaysSo() throws IOException {
        CliRun result = cli.ok("configure", "local", "--profile", "fresh", "-e", "fresh");

        assertThat(Files.readString(cli.configFile())).contains("[profile fresh]\nprovider = local\ntier = fresh\n"
                + "min_item_format = 2\n");
        assertThat(result.err()).contains("starts with min_item_format = 2: nothing is stored under ")
                .contains("'messer configure local --min-item-format 1 --profile fresh");
        assertThat(cli.ok("configure", "local", "--profile", "fresh", "-p").out())
                .contains("min_item_format = 2    ; [profile fresh]");
    }

    @Test
    void newProfile_overATierPrefixThatHoldsItems_keepsMinItemFormat1_andSaysSo() throws IOException {
        cli.ok("configure", "local", "--profile", "first", "-e", "shared", "--min-item-format", "1");
        cli.ok("data", "bag", "create", "local", "app", "--profile", "first");

        CliRun result = cli.ok("configure", "local", "--profile", "second", "-e", "shared");

        assertThat(Files.readString(cli.configFile())).contains("[profile second]\nprovider = local\ntier = shared\n")
                .doesNotContain("min_item_format = 2");
        assertThat(result.err()).contains("keeps min_item_format = 1: ").contains("already holds items");
        assertThat(cli.ok("configure", "local", "--profile", "second", "-p").out())
                .contains("min_item_format = 1    ; default");
    }

    @Test
    void existingProfile_orAGivenMinItemFormat_isNotChosenFor() throws IOException {
        CliRun given = cli.ok("configure", "local", "--profile", "mine", "--min-item-format", "1");
        assertThat(given.err()).doesNotContain("min_item_format");
        assertThat(Files.readString(cli.configFile())).contains("[profile mine]\nprovider = local\nmin_item_format = 1\n");

        CliRun updated = cli.ok("configure", "local", "--profile", "mine", "-e", "later");
        assertThat(updated.err()).doesNotContain("min_item_format");
        assertThat(Files.readString(cli.configFile())).doesNotContain("min_item_format = 2");
    }

    @Test
    void newProfile_thatWritesItemFormat1_keepsMinItemFormat1() throws IOException {
        CliRun result = cli.ok("configure", "local", "--profile", "compat", "--item-format", "1");
        assertThat(result.err()).contains("keeps min_item_format = 1, as it writes item_format = 1");
        assertThat(Files.readString(cli.configFile())).doesNotContain("min_item_format");
    }

    @Test
    void profileFromEnvironment_isTheTargetToo() throws IOException {
        cli.ok("configure", "local");
        cli.env.put("MESSER_PROFILE", "ci");
        cli.ok("configure", "local", "-e", "ci");
        assertThat(Files.readString(cli.configFile())).contains("[profile ci]\nprovider = local\ntier = ci\n");
    }

    @Test
    void silentFlag_mutesThisRunOnly_andWritesNothing() throws IOException {
        CliRun result = cli.ok("configure", "local", "-e", "qa", "--silent");

        assertThat(result.err()).as("--silent mutes configure's own messages, as on every command").isEmpty();
        assertThat(Files.readString(cli.configFile())).contains("tier = qa").doesNotContain("silent");
        assertThat(cli.ok("encryption", "create", "local", "app").err()).as("later runs are not muted")
                .contains("app");
    }

    @Test
    void setSilent_writesTheSetting_whichMutesLaterRuns_andFalseUndoesIt() throws IOException {
        CliRun result = cli.ok("configure", "local", "--set-silent", "true");
        assertThat(result.err()).contains("Wrote 1 setting(s)");
        assertThat(Files.readString(cli.configFile())).contains("silent = true");
        assertThat(cli.ok("encryption", "create", "local", "app").err()).isEmpty();

        cli.ok("configure", "local", "--set-silent", "false");
        assertThat(Files.readString(cli.configFile())).contains("silent = false");
        assertThat(cli.ok("encryption", "create", "local", "web").err()).contains("web");
    }

    @Test
    void setSilent_withAValueThatIsNotABoolean_isRefused_andNothingChanges() {
        cli.ok("configure", "local", "-e", "qa");
        Map<String, String> before = cli.snapshot();

        CliRun result = cli.run("configure", "local", "--set-silent", "yes please");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("silent");
        assertThat(cli.snapshot()).isEqualTo(before);
    }

    @Test
    void profileForTheOtherProvider_isRefused_exit2_andNothingChanges() throws IOException {
        cli.ok("configure", "aws", "--profile", "prod", "-e", "prod", "-m", "acme", "-r", "us-east-1");
        Map<String, String> before = cli.snapshot();

        CliRun result = cli.run("configure", "local", "--profile", "prod", "-e", "x");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .isEqualTo("messer: profile prod is for provider aws, but the command says local; "
                        + "use the matching word or pick a profile with --profile");
        assertThat(cli.snapshot()).isEqualTo(before);
    }

    @Test
    void awsCommand_withOnlyTheTemplatesLocalProfile_saysHowToAddAnAwsProfile() {
        cli.ok("configure", "local");
        CliRun result = cli.run("encryption", "list", "aws");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly("messer: the default profile local is for provider local "
                + "and there is no [profile aws]; add one with 'messer configure aws --profile NAME ...' "
                + "or pick a profile with --profile");
    }

    @Test
    void invalidValue_isRefused_exit2_andNothingChanges() {
        cli.ok("configure", "local", "-e", "dev"); // the first write leaves the lock file beside the config
        for (String[] args : new String[][] {
                {"configure", "local", "--item-format", "3"},
                {"configure", "local", "--path-style", "maybe"},
                {"configure", "local", "-x", "no-equals-sign"},
                {"configure", "local", "-m", "../escape"},
                {"configure", "local", "-b", "a/b"},
                {"configure", "local", "-k", ".."}}) {
            Map<String, String> before = cli.snapshot();
            CliRun result = cli.run(args);
            assertThat(result.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.errLines()).as(result.toString()).hasSize(1);
            assertThat(cli.snapshot()).as(String.join(" ", args)).isEqualTo(before);
        }
    }

    @Test
    void messer2File_withDashC_staysLegacyForAws() throws IOException {
        Path legacy = cli.write("messer.ini", MESSER_2);
        CliRun result = cli.ok("configure", "aws", "-c", legacy.toString(), "-m", "acme-key", "-e", "qa",
                "-b", "acme-secrets", "-r", "eu-west-1");

        assertThat(result.err()).contains("Wrote 4 setting(s) to [messer]/[aws]");
        assertThat(Files.readString(legacy)).isEqualTo(MESSER_2.replace("master_key=", "master_key = acme-key")
                .replace("tier=", "tier = qa").replace("secrets_bucket=", "secrets_bucket = acme-secrets")
                .replace("region=", "region = eu-west-1"));
        assertThat(cli.ok("configure", "aws", "-c", legacy.toString(), "-p").out())
                .contains("# profile: (legacy sections / defaults)")
                .contains("master_key = acme-key    ; [messer]").contains("region = eu-west-1    ; [aws]");
    }

    @Test
    void messer2File_withDashC_servesLocalCommands() throws IOException {
        Path legacy = cli.write("messer.ini", MESSER_2);
        cli.env.put("MESSER_LOCAL_ROOT", sandbox.resolve("vault").toString());
        cli.ok("configure", "local", "-c", legacy.toString(), "-p");
        cli.ok("encryption", "create", "local", "app", "-c", legacy.toString());
        assertThat(cli.ok("encryption", "list", "local", "-c", legacy.toString()).outLines()).containsExactly("app");
        assertThat(Files.readString(legacy)).isEqualTo(MESSER_2);
        assertThat(cli.configFile()).doesNotExist();
    }

    @Test
    void namedConfigFileThatDoesNotExist_isCreatedByConfigure_withoutTheTemplate() throws IOException {
        Path named = sandbox.resolve("team/messer.ini");
        cli.ok("configure", "local", "-c", named.toString(), "-e", "team");
        assertThat(Files.readString(named)).isEqualTo(
                "[profile local]\nprovider = local\ntier = team\nmin_item_format = 2\n\n[messer]\n"
                        + "default_profile = local\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(named))).isEqualTo("rw-------");
        assertThat(cli.configFile()).doesNotExist();
    }

    @Test
    void firstUse_writesIntoTheTemplate() throws IOException {
        cli.ok("configure", "local", "-e", "first");
        String text = Files.readString(cli.configFile());
        assertThat(text).startsWith("; messer configuration").contains("tier = first")
                .contains("; [profile dev]").contains("; keys_bucket = acme-envelope-keys-dev-useast1");
    }

    @Test
    void awsWordOnTheTemplate_createsAnAwsProfile_andLeavesTheLocalOne() throws IOException {
        cli.ok("configure", "local");
        cli.ok("configure", "aws", "-m", "acme", "-r", "us-east-1");
        String text = Files.readString(cli.configFile());
        assertThat(text).contains("[profile local]\nprovider = local\ntier = dev\nmaster_key = default\n")
                .endsWith("[profile aws]\nprovider = aws\nmaster_key = acme\nregion = us-east-1\n");
        assertThat(cli.ok("configure", "aws", "-p").out()).contains("# profile: aws");
        assertThat(cli.ok("configure", "local", "-p").out()).contains("# profile: local");
    }

    @Test
    void valueWithANewline_cannotAddASettingOfItsOwn_exit2_namingTheOption() throws IOException {
        cli.ok("configure", "aws", "--profile", "ci", "-e", "dev", "-m", "k", "-b", "s", "-k", "keys", "-r", "us-east-1");
        Map<String, String> before = cli.snapshot();

        CliRun result = cli.run("configure", "aws", "--profile", "ci", "--role-session-name",
                "a\nendpoint_url = http://127.0.0.1:1");

        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().startsWith("messer: --role-session-name holds the control "
                + "character U+000A; a setting is one line of printable text, so give the value without line breaks "
                + "or control characters");
        assertThat(cli.snapshot()).isEqualTo(before);
        assertThat(Files.readString(cli.configFile())).doesNotContain("127.0.0.1");
    }

    @Test
    void everyOptionThatConfigureWrites_refusesControlCharacters() {
        cli.ok("configure", "local", "-e", "dev");
        Map<String, String> before = cli.snapshot();
        String[] options = {"-m", "-e", "-b", "-f", "-k", "-x", "-a", "-s", "-n", "-r", "--endpoint-url", "--path-style",
            "--allow-http", "--sse-kms-key-id", "--mfa-serial", "--external-id", "--item-format", "--min-item-format",
            "--local-root"};
        String[] controls = {"\r", "\n", "\u001b", "\u0000", "\t", "\u007f", "\u0085", "\u2028"};
        for (String option : options) {
            for (String control : controls) {
                CliRun result = cli.run("configure", "aws", "--profile", "x", option, "v" + control + "w");
                assertThat(result.exit()).as(option + " " + result).isEqualTo(2);
                assertThat(result.errLines()).as(option).singleElement().asString()
                        .contains(" holds the control character U+").doesNotContain(control);
            }
        }
        CliRun profile = cli.run("configure", "local", "--profile", "p\n[profile evil]", "-e", "dev");
        assertThat(profile.exit()).isEqualTo(2);
        assertThat(profile.errLines()).singleElement().asString()
                .startsWith("messer: the profile name (--profile or MESSER_PROFILE) holds the control character U+000A");
        assertThat(cli.snapshot()).isEqualTo(before);
    }
}
