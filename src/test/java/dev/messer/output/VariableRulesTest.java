package dev.messer.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VariableRulesTest {

    @Test
    void refusedName_failsNamingFieldVariableAndTheSwitches() {
        VariableRules rules = VariableRules.strict();
        assertThatThrownBy(() -> rules.check(rules.nameOf("ld_preload"), "field 'ld_preload' of item app/x"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("field 'ld_preload' of item app/x").hasMessageContaining("LD_PRELOAD")
                .hasMessageContaining("--allow-var LD_PRELOAD").hasMessageContaining("--prefix");
    }

    @Test
    void check_appliesToTheNameAfterThePrefix() {
        VariableRules app = new VariableRules("APP_", Set.of());
        assertThat(app.nameOf("path")).isEqualTo("APP_PATH");
        app.check(app.nameOf("path"), "field 'path'");
        VariableRules ld = new VariableRules("LD_", Set.of());
        assertThatThrownBy(() -> ld.check(ld.nameOf("preload"), "field 'preload'"))
                .hasMessageContaining("LD_PRELOAD");
    }

    @Test
    void allowedName_passes_andOnlyThatName() {
        VariableRules rules = new VariableRules("", Set.of("AWS_REGION"));
        rules.check("AWS_REGION", "field 'aws_region'");
        assertThatThrownBy(() -> rules.check("AWS_SECRET_ACCESS_KEY", "field 'x'")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void prefix_goesBeforeTheNameAsItIs_soALeadingDigitNeedsNoUnderscore() {
        assertThat(new VariableRules("APP_", Set.of()).nameOf("2fa")).isEqualTo("APP_2FA");
        assertThat(VariableRules.strict().nameOf("2fa")).isEqualTo("_2FA");
    }

    private static VariableRules withAllowList(String prefix, Set<String> allowed, String... patterns) {
        return new VariableRules(prefix, allowed, VariableAllowList.of(List.of(patterns), "[profile dev]"));
    }

    @Test
    void familiesAreMatchedOnTheNameAfterThePrefix() {
        VariableRules pip = new VariableRules("PIP_", Set.of());
        assertThatThrownBy(() -> pip.check(pip.nameOf("index_url"), "field 'index_url'"))
                .hasMessageContaining("PIP_INDEX_URL").hasMessageContaining("(PIP_*)");
        VariableRules rsync = new VariableRules("RSYNC", Set.of());
        assertThatThrownBy(() -> rsync.check(rsync.nameOf("_rsh"), "field '_rsh'")).hasMessageContaining("(*_RSH)");
    }

    @Test
    void vaultAddrAndGoogleCredentials_stayRefused_andTheMessageSaysHowToAllowThem() {
        VariableRules rules = VariableRules.strict();
        for (String name : List.of("VAULT_ADDR", "GOOGLE_APPLICATION_CREDENTIALS")) {
            assertThatThrownBy(() -> rules.check(name, "field 'x' of item app/db")).as(name)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("--allow-var " + name)
                    .hasMessageContaining("set allowed_variables in the profile to the names items may set, " + name);
        }
        VariableRules listed = withAllowList("", Set.of(), "DB_*");
        assertThatThrownBy(() -> listed.check("VAULT_ADDR", "field 'x'"))
                .hasMessageContaining("add VAULT_ADDR to allowed_variables (DB_*, from [profile dev])");
    }

    @Test
    void allowList_letsOnlyMatchingNamesThrough_namingFieldVariableAndFix() {
        VariableRules rules = withAllowList("", Set.of(), "DB_*", "API_*", "APP_*");
        rules.check("DB_HOST", "field 'db_host'");
        rules.check("api_key", "field 'api_key'");
        assertThatThrownBy(() -> rules.check("SMTP_PASSWORD", "field 'smtp_password' of item app/mail"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("field 'smtp_password' of item app/mail, as the variable SMTP_PASSWORD, is outside "
                        + "allowed_variables (DB_* API_* APP_*, from [profile dev]); nothing was run or printed: rename "
                        + "the field, add a pattern for SMTP_PASSWORD to allowed_variables, or allow it for this run "
                        + "with --allow-var SMTP_PASSWORD");
    }

    @Test
    void allowList_appliesAfterThePrefix() {
        VariableRules app = withAllowList("APP_", Set.of(), "APP_*");
        app.check(app.nameOf("smtp_password"), "field 'smtp_password'");
        VariableRules other = withAllowList("OTHER_", Set.of(), "APP_*");
        assertThatThrownBy(() -> other.check(other.nameOf("db_host"), "field 'db_host'"))
                .hasMessageContaining("OTHER_DB_HOST");
    }

    @Test
    void refusedNames_stayRefused_underAPatternThatMatchesThem() {
        VariableRules rules = withAllowList("", Set.of(), "LD_*", "PIP_*", "DB_*");
        assertThatThrownBy(() -> rules.check("LD_PRELOAD", "field 'ld_preload'")).hasMessageContaining("steers");
        assertThatThrownBy(() -> rules.check("PIP_INDEX_URL", "field 'x'")).hasMessageContaining("steers");
    }

    @Test
    void anExactNameInTheAllowList_isTheAdminsDecision_andPassesTheRefusedNamesToo() {
        VariableRules rules = withAllowList("", Set.of(), "DB_*", "VAULT_ADDR");
        rules.check("VAULT_ADDR", "field 'vault_addr'");
        rules.check("vault_addr", "field 'vault_addr'");
        assertThatThrownBy(() -> rules.check("VAULT_TOKEN", "field 'vault_token'")).hasMessageContaining("steers");
    }

    @Test
    void allowVar_letsOneNameThroughBothLists_forThisRun() {
        VariableRules rules = withAllowList("", Set.of("SMTP_PASSWORD", "AWS_REGION"), "DB_*");
        rules.check("SMTP_PASSWORD", "field 'smtp_password'");
        rules.check("AWS_REGION", "field 'aws_region'");
        assertThatThrownBy(() -> rules.check("SMTP_USER", "field 'smtp_user'")).hasMessageContaining("is outside");
    }

    @Test
    void checkListed_appliesTheAllowListAlone() {
        VariableRules rules = withAllowList("", Set.of("OTHER"), "DB_*", "LD_*");
        rules.checkListed("LD_PRELOAD", "field 'ld.preload'");
        rules.checkListed("OTHER", "field 'other'");
        assertThatThrownBy(() -> rules.checkListed("SMTP_HOST", "field 'smtp.host'")).hasMessageContaining("is outside");
        VariableRules.strict().checkListed("ANYTHING", "field 'anything'");
    }
}
