package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.output.VariableRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** {@code --allow-var NAME} and {@code --prefix PREFIX}, on every command that produces environment variables. */
final class VariableOptions {

    @Parameter(names = "--allow-var", description = "Allow this variable although it steers a loader, shell, "
            + "interpreter, git, AWS or messer (repeatable; see docs/security.md)")
    List<String> allowed = new ArrayList<>();

    @Parameter(names = "--prefix", description = "Put every variable under this prefix, such as APP_")
    String prefix;

    /** @throws UsageException for a prefix or allowed name that is not a variable name */
    VariableRules rules() {
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
        return new VariableRules(prefix, new LinkedHashSet<>(allowed));
    }

    /** True when one of the options was given. */
    boolean given() {
        return prefix != null || !allowed.isEmpty();
    }
}
