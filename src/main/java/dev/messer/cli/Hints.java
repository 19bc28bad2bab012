package dev.messer.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the command lines suggested in messages run as written for the user who got them. Domain
 * code writes a hint as {@code 'messer data bag show <provider> web'}; here {@code <provider>}
 * becomes the provider word the user typed, and the {@code --profile} and {@code -c} the user gave
 * are added, so that the hint reaches the same profile and file.
 */
final class Hints {

    /** The placeholder domain code writes where the provider word goes. */
    static final String PROVIDER = "<provider>";
    private static final Pattern HINT = Pattern.compile("'(messer [^']*)'");

    private final String provider;
    private final String profile;
    private final String config;

    /**
     * @param provider the provider word typed ({@code aws} or {@code local}), or null if none was
     * @param profile  the {@code --profile} typed, or null
     * @param config   the {@code -c} typed, or null
     */
    Hints(String provider, String profile, String config) {
        this.provider = provider;
        this.profile = profile;
        this.config = config;
    }

    String render(String message) {
        Matcher matcher = HINT.matcher(message);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement("'" + complete(matcher.group(1)) + "'"));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String complete(String command) {
        String line = command.replace(PROVIDER, provider == null ? "aws|local" : provider);
        if (profile != null && !line.contains("--profile")) {
            line = line + " --profile " + ShellWord.quote(profile);
        }
        if (config != null && !line.contains(" -c ")) {
            line = line + " -c " + ShellWord.quote(config);
        }
        return line;
    }

    /** Quotes a word for a shell only when it needs it. */
    static final class ShellWord {

        private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+-]+");

        private ShellWord() {
        }

        static String quote(String word) {
            if (PLAIN.matcher(word).matches()) {
                return word;
            }
            if (word.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
                return ansiC(word);
            }
            return "\"" + word.replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("$", "\\$").replace("`", "\\`") + "\"";
        }

        /** A word with control characters as bash's $'...': the hint stays on one line and still runs as written. */
        private static String ansiC(String word) {
            StringBuilder out = new StringBuilder("$'");
            word.chars().forEach(c -> {
                if (c == '\\' || c == '\'') {
                    out.append('\\').append((char) c);
                } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                    out.append(c < 0x100 ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
                } else {
                    out.append((char) c);
                }
            });
            return out.append('\'').toString();
        }
    }
}
