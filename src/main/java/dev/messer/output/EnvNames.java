package dev.messer.output;

import java.util.Locale;

/**
 * The environment variable name of a field: upper-cased, every character outside
 * {@code [A-Z0-9_]} replaced by {@code _}, and {@code _} put before a leading digit
 * ({@code db.host} -> {@code DB_HOST}, {@code 2fa} -> {@code _2FA}). A prefix goes before it as it
 * is ({@code APP_} and {@code 2fa} -> {@code APP_2FA}).
 */
public final class EnvNames {

    private EnvNames() {
    }

    public static String of(String field) {
        return of("", field);
    }

    public static String of(String prefix, String field) {
        String upper = field.toUpperCase(Locale.ROOT);
        StringBuilder name = new StringBuilder(prefix.length() + upper.length() + 1).append(prefix);
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
