package dev.messer.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.InvalidInputException;
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
}
