package dev.messer.cli;

import dev.messer.error.Hint;
import dev.messer.error.MesserException;
import java.util.regex.Pattern;

/**
 * Renders typed {@link Hint}s for the user who gets them: each command line takes the provider word
 * the user typed (where the hint leaves it to them), and the {@code --profile} and {@code -c} the
 * user gave, so that it reaches the same profile and file and runs as written.
 */
public final class Hints {

    private final String provider;
    private final String profile;
    private final String config;

    /**
     * @param provider the provider word typed ({@code aws} or {@code local}), or null if none was
     * @param profile  the {@code --profile} typed, or null
     * @param config   the {@code -c} typed, or null
     */
    public Hints(String provider, String profile, String config) {
        this.provider = provider;
        this.profile = profile;
        this.config = config;
    }

    /** These hints with {@code word} as the provider the user typed (for the stores of another provider). */
    public Hints forProvider(String word) {
        return new Hints(word, profile, config);
    }

    /** The advice, each command line in single quotes. */
    public String render(Hint hint) {
        return hint.render(this::commandLine);
    }

    /** {@code problem; advice}, or the problem alone. */
    public String message(String problem, Hint hint) {
        return hint.after(problem, this::commandLine);
    }

    /** The failure's problem and its advice. */
    public String message(MesserException failure) {
        return message(failure.problem(), failure.hint());
    }

    /** One command line, without quotes: {@code messer data bag create local web --profile dev -c "my.ini"}. */
    public String commandLine(Hint.Run run) {
        StringBuilder line = new StringBuilder("messer ").append(run.words()).append(' ')
                .append(run.provider() == Hint.Run.Provider.TYPED && provider == null ? "aws|local"
                        : run.providerWord(provider));
        run.arguments().forEach(argument -> line.append(' ').append(ShellWord.quote(argument)));
        if (profile != null && !run.arguments().contains("--profile")) {
            line.append(" --profile ").append(ShellWord.quote(profile));
        }
        if (config != null && !run.arguments().contains("-c") && !run.arguments().contains("--config")) {
            line.append(" -c ").append(ShellWord.quote(config));
        }
        return line.toString();
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
