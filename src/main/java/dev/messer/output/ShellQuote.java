package dev.messer.output;

/**
 * POSIX shell single quoting: everything between single quotes is literal, and a single quote is
 * written as {@code '\''}. Survives newlines, {@code $}, backticks, backslashes and any Unicode.
 */
public final class ShellQuote {

    private ShellQuote() {
    }

    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
