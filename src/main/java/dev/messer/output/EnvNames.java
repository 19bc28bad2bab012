package dev.messer.output;

import java.util.Locale;

/**
 * The environment variable name of a field: upper-cased, every character outside
 * {@code [A-Z0-9_]} replaced by {@code _}, and {@code _} put before a leading digit
 * ({@code db.host} -> {@code DB_HOST}, {@code 2fa} -> {@code _2FA}).
 */
public final class EnvNames {

    private EnvNames() {
    }

    public static String of(String field) {
        String upper = field.toUpperCase(Locale.ROOT);
        StringBuilder name = new StringBuilder(upper.length() + 1);
        upper.codePoints().forEach(c -> name.append(isPlain(c) ? (char) c : '_'));
        if (name.length() == 0 || Character.isDigit(name.charAt(0))) {
            name.insert(0, '_');
        }
        return name.toString();
    }

    private static boolean isPlain(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
