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

    private static String printable(String value) {
        if (value == null) {
            return "";
        }
        String shown = value.length() > 64 ? value.substring(0, 64) + "..." : value;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** A name that breaks the rule; a usage error when it came from the command line. */
    public static final class InvalidNameException extends InvalidInputException {
        public InvalidNameException(String message) {
            super(message);
        }
    }
}
