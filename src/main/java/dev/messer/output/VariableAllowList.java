package dev.messer.output;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The variables a profile lets items set ({@code allowed_variables}, such as {@code DB_* API_*}):
 * when it is set, a name (after {@code --prefix}) that matches none of its patterns is refused, on
 * top of the {@link RefusedVariables}. A pattern without {@code *} names one variable exactly, and
 * that is the admin's decision to allow it: such a name is also let through the refused names, as
 * {@code --allow-var} does for one run. It comes from the configuration (file, environment),
 * never from an item.
 */
public final class VariableAllowList {

    private static final VariableAllowList NONE = new VariableAllowList(List.of(), "");

    private final List<NamePattern> patterns;
    private final String source;

    private VariableAllowList(List<NamePattern> patterns, String source) {
        this.patterns = patterns;
        this.source = source;
    }

    /** No allow-list: every name outside the refused ones may be set. */
    public static VariableAllowList none() {
        return NONE;
    }

    /**
     * @param patterns the patterns, already checked against {@link NamePattern#SYNTAX}; empty for none
     * @param source   where the setting came from, for messages ("[profile dev]", "MESSER_ALLOWED_VARIABLES")
     */
    public static VariableAllowList of(List<String> patterns, String source) {
        return patterns.isEmpty() ? NONE
                : new VariableAllowList(patterns.stream().map(NamePattern::of).toList(), source);
    }

    public boolean isSet() {
        return !patterns.isEmpty();
    }

    /** True when there is no allow-list, or a pattern matches {@code name}. */
    public boolean allows(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matchesUpper(upper));
    }

    /** True when the allow-list names {@code name} exactly, which lets it through the refused names. */
    public boolean namesExactly(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return patterns.stream().anyMatch(p -> p.exact() && p.matchesUpper(upper));
    }

    /** "allowed_variables (DB_* API_*, from [profile dev])" */
    public String describe() {
        return "allowed_variables (" + patterns.stream().map(NamePattern::toString).collect(Collectors.joining(" "))
                + ", from " + source + ")";
    }
}
