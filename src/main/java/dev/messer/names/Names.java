package dev.messer.names;

import dev.messer.error.InvalidInputException;
import java.util.regex.Pattern;

/** The one rule for bag names, item ids and key names: {@code [A-Za-z0-9_.-]{1,128}}, not {@code .} or {@code ..}. */
public final class Names {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private Names() {
    }

    /** @throws InvalidNameException naming {@code what} and the rule */
    public static String check(String what, String value) {
        if (value == null || !VALID.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw new InvalidNameException(what + " '" + printable(value)
                    + "' is not valid: use 1 to 128 of A-Z a-z 0-9 _ . - (and not '.' or '..')");
        }
        return value;
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches() && !value.equals(".") && !value.equals("..");
    }

    /**
     * A stored label for a message: cut to 64 characters and {@link #escaped}. For labels that anyone
     * who may write a bucket chooses (ids, key names, versions, writers).
     */
    public static String printable(String value) {
        if (value == null) {
            return "";
        }
        return escaped(value.length() > 64 ? value.substring(0, 64) + "..." : value);
    }

    /**
     * The value safe to print on a terminal: backslash, control characters, DEL and everything
     * outside printable ASCII escaped as {@code \x1b}, or as a four-digit "backslash u" escape above 0xff.
     */
    public static String escaped(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().forEach(c -> {
            if (c == '\\') {
                out.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                escape(out, c);
            }
        });
        return out.toString();
    }

    /**
     * A line of text safe to print on a terminal, as readable as it was: only the characters a
     * terminal acts on are escaped as {@link #escaped} writes them (C0 controls but tab, C1 controls,
     * DEL, and the bidirectional overrides that reorder what is shown); letters of any script stay. Every line
     * messer prints on stderr goes through it, whatever labels it carries.
     */
    public static String controlsEscaped(String line) {
        if (line.chars().noneMatch(Names::actsOnTerminal)) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length() + 16);
        line.chars().forEach(c -> {
            if (actsOnTerminal(c)) {
                escape(out, c);
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    private static boolean actsOnTerminal(int c) {
        return (c != '\t' && Character.getType(c) == Character.CONTROL) || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }

    private static void escape(StringBuilder out, int c) {
        out.append(c < 0x100 ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
    }

    /** A name that breaks the rule; a usage error when it came from the command line. */
    public static final class InvalidNameException extends InvalidInputException {
        public InvalidNameException(String message) {
            super(message);
        }
    }
}
