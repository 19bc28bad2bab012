package dev.messer.cli;

import static dev.messer.cli.CliSandbox.expectOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile's allow-list ({@code allowed_variables}): only matching names reach {@code exec} and
 * the export formats, the refused names still apply on top, and {@code --allow-var} opens one name.
 */
class AllowedVariablesTest {

    @TempDir
    Path home;

    CliSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(home).withBag()
                .upload("{\"id\":\"db\",\"db_host\":\"h\",\"db_password\":\"s3cr3t\",\"api_key\":\"k\"}")
                .upload("{\"id\":\"mail\",\"db_host\":\"h\",\"smtp_password\":\"m41l\"}")
                .upload("{\"id\":\"vault\",\"db_host\":\"h\",\"vault_addr\":\"https://vault.example\"}");
        expectOk(sandbox.run("configure", "local", "--allowed-variables", "DB_* API_*"));
    }

    private CliRun run(String... args) {
        return sandbox.run(args);
    }

    private static void refused(CliRun run, String field, String item, String variable) {
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).hasLineCount(1).contains("field '" + field + "' of item " + item)
                .contains(variable).contains("allowed_variables (DB_* API_*, from [profile local])")
                .contains("--allow-var " + variable);
    }

    @Test
    void configure_writesTheSetting_andPrintsIt() throws IOException {
        assertThat(Files.readString(sandbox.home.resolve(".config/messer/messer.ini")))
                .contains("allowed_variables = DB_* API_*");
        assertThat(run("configure", "local", "-p").out()).contains("allowed_variables = DB_* API_*");
    }

    @Test
    void everyVariableFormat_andProperties_refuseANameOutsideTheList_beforePrintingAnything() {
        for (String format : List.of("env", "dotenv", "export", "envfile", "properties")) {
            refused(run("data", "bag", "show", "local", "app", "mail", "--format", format), "smtp_password", "app/mail",
                    "SMTP_PASSWORD");
            refused(run("export", "local", "app/db", "app/mail", "--override", "--format", format), "smtp_password", "app/mail",
                    "SMTP_PASSWORD");
            CliRun allowed = run("data", "bag", "show", "local", "app", "db", "--format", format);
            assertThat(allowed.exit()).as(allowed.toString()).isZero();
            assertThat(allowed.out()).contains("s3cr3t");
        }
    }

    @Test
    void jsonAndPretty_showTheItemAsItIs() {
        for (String format : List.of("json", "pretty")) {
            assertThat(run("data", "bag", "show", "local", "app", "mail", "--format", format).out()).contains("m41l");
        }
    }

    @Test
    void exec_refusesANameOutsideTheList_andRunsNothing() {
        Path marker = home.resolve("ran");
        CliRun run = run("exec", "local", "app/mail", "--", "sh", "-c", ": > \"$0\"", marker.toString());
        refused(run, "smtp_password", "app/mail", "SMTP_PASSWORD");
        assertThat(marker).doesNotExist();
    }

    @Test
    void exec_childGetsTheAllowedVariables() throws IOException {
        Path out = home.resolve("child.env");
        CliRun run = run("exec", "local", "app/db", "--", "sh", "-c", "env > \"$0\"", out.toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(Files.readString(out)).contains("DB_HOST=h").contains("DB_PASSWORD=s3cr3t").contains("API_KEY=k");
    }

    @Test
    void allowVar_opensOneNameForOneRun_throughTheAllowList() throws IOException {
        Path out = home.resolve("child.env");
        CliRun run = run("exec", "local", "app/mail", "--allow-var", "SMTP_PASSWORD", "--", "sh", "-c",
                "env > \"$0\"", out.toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(Files.readString(out)).contains("SMTP_PASSWORD=m41l");
        assertThat(run("export", "local", "app/mail", "--allow-var", "SMTP_PASSWORD", "--format", "properties").out())
                .contains("smtp_password=m41l");
        refused(run("export", "local", "app/mail"), "smtp_password", "app/mail", "SMTP_PASSWORD");
    }

    @Test
    void patternsMatchTheNameAfterThePrefix() {
        refused(run("export", "local", "app/db", "--prefix", "APP_"), "db_host", "app/db", "APP_DB_HOST");
        expectOk(sandbox.run("configure", "local", "--allowed-variables", "APP_*"));
        assertThat(run("export", "local", "app/mail", "--prefix", "APP_").out()).contains("APP_SMTP_PASSWORD=");
    }

    @Test
    void refusedNamesStayRefusedUnderAPattern_butAnExactNameIsTheAdminsDecision() {
        expectOk(sandbox.run("configure", "local", "--allowed-variables", "DB_* VAULT_*"));
        CliRun refused = run("export", "local", "app/vault");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("VAULT_ADDR, which steers").contains("--allow-var VAULT_ADDR")
                .contains("add VAULT_ADDR to allowed_variables");

        expectOk(sandbox.run("configure", "local", "--allowed-variables", "DB_* VAULT_ADDR"));
        assertThat(run("export", "local", "app/vault").out()).contains("VAULT_ADDR=");
    }

    @Test
    void environmentVariable_beatsTheProfile_asEverySettingDoes() {
        sandbox.env.put("MESSER_ALLOWED_VARIABLES", "SMTP_* DB_*");
        assertThat(run("export", "local", "app/mail").out()).contains("SMTP_PASSWORD=");
        CliRun refused = run("export", "local", "app/db");
        assertThat(refused.err()).contains("API_KEY").contains("allowed_variables (SMTP_* DB_*, from "
                + "MESSER_ALLOWED_VARIABLES)");
    }

    @Test
    void emptyValue_removesTheList() {
        expectOk(sandbox.run("configure", "local", "--allowed-variables", ""));
        assertThat(run("export", "local", "app/mail").out()).contains("SMTP_PASSWORD=");
    }

    @Test
    void anItemCannotSetTheListForAMesserItsChildRuns() {
        sandbox.upload("{\"id\":\"sneaky\",\"db_host\":\"h\",\"messer_allowed_variables\":\"*_X\"}");
        expectOk(sandbox.run("configure", "local", "--allowed-variables", "DB_* MESSER_*"));
        CliRun run = run("exec", "local", "app/sneaky", "--", "true");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("MESSER_ALLOWED_VARIABLES, which steers messer itself");
    }

    @Test
    void aPatternOfOtherCharacters_isAConfigurationError_namingWhereItCameFrom() {
        CliRun written = run("configure", "local", "--allowed-variables", "DB-* API_*");
        assertThat(written.exit()).as(written.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(written.err()).contains("allowed_variables is 'DB-* API_*'").contains("DB_* API_* APP_*");

        sandbox.env.put("MESSER_ALLOWED_VARIABLES", "DB_$X");
        CliRun run = run("export", "local", "app/db");
        assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).hasLineCount(1).contains("(from MESSER_ALLOWED_VARIABLES)");
        CliRun doctor = run("doctor", "local");
        assertThat(doctor.exit()).as(doctor.toString()).isEqualTo(1);
        assertThat(doctor.out()).contains("[FAIL] variables").contains("fix: give variable names or patterns");
    }

    @Test
    void doctor_saysWhichVariablesItemsMaySet_andMentionsAProfileWithoutAList_asInformation() {
        CliRun listed = run("doctor", "local");
        assertThat(listed.exit()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains("[ok]   variables").contains("DB_* API_*");

        expectOk(sandbox.run("configure", "local", "--allowed-variables", ""));
        CliRun unlisted = run("doctor", "local");
        assertThat(unlisted.exit()).as(unlisted.toString()).isZero();
        assertThat(unlisted.out()).contains("[info] variables").contains("no allowed_variables")
                .contains("hint: name what your programs read, such as: 'messer configure local --allowed-variables "
                        + "\"DB_* API_*\"'")
                .doesNotContain("[warn] variables").doesNotContain("[FAIL]");
        assertThat(unlisted.err()).contains("All checks passed.");
    }

    @Test
    void usage_prefixOnlyForVariableFormats_allowVarAlsoForProperties() {
        List<String> args = new ArrayList<>(List.of("export", "local", "app/db", "--format", "properties"));
        assertThat(run(concat(args, "--prefix", "APP_")).exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run(concat(args, "--allow-var", "X")).exit()).isZero();
        assertThat(run("export", "local", "app/db", "--format", "json", "--allow-var", "X").exit())
                .isEqualTo(ExitCodes.USAGE);
    }

    private static String[] concat(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
