package dev.messer.cli;

import dev.messer.names.KeyVersionNumber;
import dev.messer.names.Names;
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

    /**
     * Checks the words from {@code first} on against the name rule, labelled {@code what} in order,
     * so that a bad name is refused before the configuration is read or anything is opened.
     */
    static void names(List<String> words, int first, String... what) {
        for (int i = 0; i < what.length && first + i < words.size(); i++) {
            Names.check(what[i], words.get(first + i));
        }
    }

    /** A key version given on the command line. @throws UsageException unless it follows {@link KeyVersionNumber} */
    static int keyVersion(String text) {
        return KeyVersionNumber.parse(text).orElseThrow(() -> new UsageException("key version '" + Names.escaped(text)
                + "' is not a version number (0 to " + KeyVersionNumber.MAX + ")"));
    }
}
