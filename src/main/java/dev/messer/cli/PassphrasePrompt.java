package dev.messer.cli;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Gets the passphrase of a local master key file: {@code MESSER_PASSPHRASE} if set, else a prompt on
 * the terminal without echo. The returned arrays belong to the caller, who wipes them.
 */
final class PassphrasePrompt {

    /** The shortest new passphrase accepted; an existing file opens with whatever it was sealed under. */
    static final int MIN_LENGTH = 12;

    private final Console console;

    PassphrasePrompt(Console console) {
        this.console = console;
    }

    /** For opening a protected file. */
    char[] existing(Path keyFile) {
        return existing("master key file " + keyFile);
    }

    /** For opening a protected file, named in prompts and messages as {@code file} ("private key file F"). */
    char[] existing(String file) {
        char[] fromEnv = fromEnvironment();
        if (fromEnv != null) {
            return fromEnv;
        }
        requireTerminal(file + " is protected by a passphrase");
        char[] typed = console.terminal().readSecret("Passphrase for " + file + ": ");
        if (typed == null || typed.length == 0) {
            throw new UsageException("no passphrase was entered for " + file);
        }
        return typed;
    }

    /** For protecting a file: from the environment, or typed twice on the terminal. */
    char[] chooseNew(Path keyFile) {
        return chooseNew("master key file " + keyFile);
    }

    /** As {@link #chooseNew(Path)}, for a file named in prompts and messages as {@code file}. */
    char[] chooseNew(String file) {
        char[] fromEnv = fromEnvironment();
        if (fromEnv != null) {
            return longEnough(fromEnv, SecretInputs.PASSPHRASE + " holds");
        }
        requireTerminal("protecting " + file + " needs a passphrase");
        char[] first = console.terminal().readSecret("New passphrase for " + file + ": ");
        char[] second = console.terminal().readSecret("Type it again: ");
        try {
            if (first == null || first.length == 0) {
                throw new UsageException("no passphrase was entered for " + file);
            }
            if (!Arrays.equals(first, second)) {
                throw new UsageException("the two passphrases differ; run the command again");
            }
            return longEnough(first.clone(), "the passphrase typed has");
        } finally {
            wipe(first);
            wipe(second);
        }
    }

    private static char[] longEnough(char[] passphrase, String what) {
        if (passphrase.length < MIN_LENGTH) {
            wipe(passphrase);
            throw new UsageException("a new passphrase needs at least " + MIN_LENGTH + " characters and " + what
                    + " fewer; choose a longer one (a few random words work well)");
        }
        return passphrase;
    }

    private char[] fromEnvironment() {
        String value = console.env().get(SecretInputs.PASSPHRASE);
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }

    private void requireTerminal(String why) {
        if (!console.terminal().interactive()) {
            throw new UsageException(why + " and there is no terminal to ask on; set "
                    + SecretInputs.PASSPHRASE);
        }
    }

    static void wipe(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }
}
