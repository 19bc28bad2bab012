package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.config.Settings;
import dev.messer.output.OutputFormat;
import dev.messer.output.VariableRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code --allow-var NAME} and {@code --prefix PREFIX}, on every command that produces environment
 * variables; with the profile's {@code allowed_variables} they make the {@link VariableRules}.
 */
final class VariableOptions {

    @Parameter(names = "--allow-var", description = "Allow this variable for this run, although it steers a loader, "
            + "shell, interpreter, tool or messer, or is outside allowed_variables (repeatable; see docs/security.md)")
    List<String> allowed = new ArrayList<>();

    @Parameter(names = "--prefix", description = "Put every variable under this prefix, such as APP_")
    String prefix;

    /** @throws UsageException for a prefix or allowed name that is not a variable name */
    void check() {
        if (prefix != null && !VariableRules.NAME.matcher(prefix).matches()) {
            throw new UsageException("--prefix '" + prefix + "' is not the start of a variable name: use letters,"
                    + " digits and _, not starting with a digit (for example APP_)");
        }
        for (String name : allowed) {
            if (!VariableRules.NAME.matcher(name).matches()) {
                throw new UsageException("--allow-var '" + name + "' is not a variable name: use letters, digits and _,"
                        + " not starting with a digit (for example --allow-var AWS_REGION)");
            }
        }
    }

    /**
     * {@link #check()}, and that the options apply to {@code format}: {@code --prefix} to the variable
     * formats, {@code --allow-var} to those and {@code properties}.
     */
    void check(OutputFormat format) {
        check();
        if (prefix != null && !format.setsVariables()) {
            throw new UsageException("--prefix applies to the variable formats (env, dotenv, export, envfile), not to "
                    + format.word());
        }
        if (!allowed.isEmpty() && !format.checksNames()) {
            throw new UsageException("--allow-var applies to the variable formats (env, dotenv, export, envfile) and "
                    + "properties, not to " + format.word());
        }
    }

    /** The rules of this run under the profile's allow-list. @throws UsageException as {@link #check} */
    VariableRules rules(Settings settings) {
        check();
        return new VariableRules(prefix, new LinkedHashSet<>(allowed), settings.common().allowedVariables());
    }

    /** True when one of the options was given. */
    boolean given() {
        return prefix != null || !allowed.isEmpty();
    }
}
