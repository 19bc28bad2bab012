package dev.messer.output;

import dev.messer.error.InvalidInputException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How fields become environment variables for one command: an optional prefix put before every
 * name ({@code --prefix APP_}), the profile's {@link VariableAllowList} ({@code allowed_variables}),
 * the refused names ({@link RefusedVariables}), and the names the user allows for this run
 * ({@code --allow-var}), which pass both lists. Every check applies to the final name, after the
 * prefix.
 */
public final class VariableRules {

    /** What a prefix and an allowed name may look like: a valid shell variable name. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String prefix;
    private final Set<String> allowed;
    private final VariableAllowList allowList;

    public VariableRules(String prefix, Set<String> allowed, VariableAllowList allowList) {
        this.prefix = prefix == null ? "" : prefix;
        this.allowed = allowed.stream().map(n -> n.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.allowList = allowList;
    }

    /** Without an allow-list. */
    public VariableRules(String prefix, Set<String> allowed) {
        this(prefix, allowed, VariableAllowList.none());
    }

    /** No prefix, nothing allowed beyond the defaults, no allow-list. */
    public static VariableRules strict() {
        return new VariableRules("", Set.of());
    }

    public String prefix() {
        return prefix;
    }

    /** The variable name of a field, with the prefix. */
    public String nameOf(String field) {
        return EnvNames.of(prefix, field);
    }

    /**
     * The check of a variable: on the allow-list, if there is one, and not refused.
     *
     * @param origin "field 'x' of item bag/id", for the message
     * @throws InvalidInputException if the name is refused or outside the allow-list, and not allowed for this run
     */
    public void check(String name, String origin) {
        if (allowedForThisRun(name)) {
            return;
        }
        Optional<RefusedVariables.Rule> rule = RefusedVariables.match(name);
        if (rule.isPresent() && !allowList.namesExactly(name)) {
            throw new InvalidInputException(origin + " would set " + name + ", which steers " + rule.get().steers()
                    + " (" + rule.get().pattern() + "); nothing was run or printed: rename the field, put the variables "
                    + "under a prefix with --prefix APP_, allow it for this run with --allow-var " + name + ", or "
                    + (allowList.isSet() ? "add " + name + " to " + allowList.describe()
                    : "set allowed_variables in the profile to the names items may set, " + name + " among them"));
        }
        checkListed(name, origin);
    }

    /**
     * The allow-list check alone, for formats that no shell reads but a program may
     * ({@code properties}, whose keys are matched by their variable name).
     *
     * @throws InvalidInputException if there is an allow-list, the name is outside it, and not allowed for this run
     */
    public void checkListed(String name, String origin) {
        if (!allowList.allows(name) && !allowedForThisRun(name)) {
            throw new InvalidInputException(origin + ", as the variable " + name + ", is outside "
                    + allowList.describe() + "; nothing was run or printed: rename the field, add a pattern for "
                    + name + " to allowed_variables, or allow it for this run with --allow-var " + name);
        }
    }

    private boolean allowedForThisRun(String name) {
        return allowed.contains(name.toUpperCase(Locale.ROOT));
    }
}
