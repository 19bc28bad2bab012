package dev.messer.output;

import dev.messer.error.InvalidInputException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How fields become environment variables for one command: an optional prefix put before every
 * name ({@code --prefix APP_}), and the refused names (see {@link RefusedVariables}) that the user
 * allows by name ({@code --allow-var}). The check applies to the final name, after the prefix.
 */
public final class VariableRules {

    /** What a prefix and an allowed name may look like: a valid shell variable name. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String prefix;
    private final Set<String> allowed;

    public VariableRules(String prefix, Set<String> allowed) {
        this.prefix = prefix == null ? "" : prefix;
        this.allowed = allowed.stream().map(n -> n.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** No prefix, nothing allowed beyond the defaults. */
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
     * @param origin "field 'x' of item bag/id", for the message
     * @throws InvalidInputException if the name is refused and not allowed
     */
    public void check(String name, String origin) {
        Optional<RefusedVariables.Rule> rule = RefusedVariables.match(name);
        if (rule.isPresent() && !allowed.contains(name.toUpperCase(Locale.ROOT))) {
            throw new InvalidInputException(origin + " would set " + name + ", which steers " + rule.get().steers()
                    + " (" + rule.get().pattern() + "); nothing was run or printed: rename the field, put the variables "
                    + "under a prefix with --prefix APP_, or allow it with --allow-var " + name);
        }
    }
}
