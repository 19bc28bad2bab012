package dev.messer.doctor;

import dev.messer.config.Settings;
import dev.messer.config.SettingsResolver;
import dev.messer.error.Hint;
import dev.messer.output.VariableAllowList;

/**
 * The "variables" check of {@code messer doctor}: which variables items may set in {@code exec}
 * and the export formats. A profile without {@code allowed_variables} is information, not a
 * problem: the refused names still hold, but names no list knows pass.
 */
public final class VariableAllowListCheck {

    private VariableAllowListCheck() {
    }

    /** @throws dev.messer.error.ConfigException for a bad {@code allowed_variables}, which the diagnosis kept apart */
    public static String run(SettingsResolver.Diagnosis diagnosis) {
        diagnosis.allowedVariables().ifPresent(e -> {
            throw e;
        });
        Settings settings = diagnosis.settings();
        VariableAllowList allowList = settings.common().allowedVariables();
        if (allowList.isSet()) {
            return "items may set only the names of " + allowList.describe() + "; refused names stay refused unless "
                    + "named exactly";
        }
        throw new Checklist.Info("no allowed_variables: items may set any variable outside the refused names "
                + "(docs/security.md)", Hint.of("name what your programs read, such as: {}",
                Hint.command("configure", "--allowed-variables", "DB_* API_*")));
    }
}
