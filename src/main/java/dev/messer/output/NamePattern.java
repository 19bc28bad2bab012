package dev.messer.output;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A pattern for environment variable names: letters, digits and {@code _}, where {@code *} stands
 * for any run of characters, at either end or inside ({@code DB_*}, {@code *_RSH}, {@code R_*_FILE}).
 * Matching ignores case. Used by the refused names ({@link RefusedVariables}) and by the allowed
 * ones ({@link VariableAllowList}).
 */
public final class NamePattern {

    /** What a pattern may look like. */
    public static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_*]*[A-Za-z0-9_][A-Za-z0-9_*]*");

    private final String text;
    private final String[] parts;

    private NamePattern(String text) {
        this.text = text;
        this.parts = text.toUpperCase(Locale.ROOT).split("\\*", -1);
    }

    /** @throws IllegalArgumentException if {@code text} is not a pattern of {@link #SYNTAX} */
    public static NamePattern of(String text) {
        if (!SYNTAX.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a variable name pattern");
        }
        return new NamePattern(text);
    }

    /** True when the pattern names one variable (it has no {@code *}). */
    public boolean exact() {
        return parts.length == 1;
    }

    public boolean matches(String name) {
        return matchesUpper(name.toUpperCase(Locale.ROOT));
    }

    /** For callers that upper-case a name once for many patterns. */
    boolean matchesUpper(String upper) {
        if (parts.length == 1) {
            return upper.equals(parts[0]);
        }
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (upper.length() < first.length() + last.length() || !upper.startsWith(first) || !upper.endsWith(last)) {
            return false;
        }
        int at = first.length();
        int end = upper.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = upper.indexOf(parts[i], at);
            if (found < 0 || found + parts[i].length() > end) {
                return false;
            }
            at = found + parts[i].length();
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
