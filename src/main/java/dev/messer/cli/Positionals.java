package dev.messer.cli;

import java.util.List;

/** Checks a command's positional words against its grammar. */
final class Positionals {

    private Positionals() {
    }

    /** @throws UsageException unless {@code min <= words.size() <= max} */
    static List<String> require(List<String> words, int min, int max, String grammar) {
        if (words.size() < min || words.size() > max) {
            String problem = words.size() < min ? "missing arguments" : "too many arguments";
            throw new UsageException(problem + "; usage: " + grammar);
        }
        return words;
    }
}
