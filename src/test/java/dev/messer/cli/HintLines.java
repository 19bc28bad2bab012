package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The command lines that messages and doctor's fixes suggest, taken out and run as a user would run them. */
public final class HintLines {

    private static final Pattern HINT = Pattern.compile("'(messer [^']*)'");

    private HintLines() {
    }

    /** Every {@code 'messer ...'} in {@code text}, without the quotes. */
    public static List<String> commands(String text) {
        List<String> hints = new ArrayList<>();
        Matcher matcher = HINT.matcher(text);
        while (matcher.find()) {
            hints.add(matcher.group(1));
        }
        return hints;
    }

    /** The command lines of doctor's {@code fix:} and {@code hint:} lines. */
    public static List<String> doctorCommands(String out) {
        List<String> commands = new ArrayList<>();
        for (String line : out.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("fix: ") || trimmed.startsWith("hint: ")) {
                commands.addAll(commands(trimmed));
            }
        }
        return commands;
    }

    /**
     * Runs {@code doctor}, then every command line its fixes and hints suggest that was not run yet,
     * and again, until doctor suggests nothing new. Each command line is first given to
     * {@code check}, then run as written (split as a shell splits it), and must succeed.
     *
     * @return the last doctor run
     */
    public static CliRun runDoctorsFixes(Function<String[], CliRun> cli, String[] doctor, Consumer<String> check) {
        Set<String> ran = new LinkedHashSet<>();
        for (int round = 0; round < 5; round++) {
            CliRun result = cli.apply(doctor);
            List<String> fresh = new ArrayList<>(doctorCommands(result.out()));
            fresh.removeAll(ran);
            if (fresh.isEmpty()) {
                assertThat(ran).as("doctor suggested no command line at all: " + result).isNotEmpty();
                return result;
            }
            for (String command : new LinkedHashSet<>(fresh)) {
                check.accept(command);
                CliRun run = cli.apply(shellWords(command.substring("messer ".length())));
                assertThat(run.exit()).as(command + " -> " + run).isZero();
                ran.add(command);
            }
        }
        throw new AssertionError("doctor kept suggesting new command lines: " + ran);
    }

    /** Splits like a POSIX shell for the quoting hints use: plain words and double-quoted ones. */
    public static String[] shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (c == ' ' && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }
}
