package dev.messer.cli;

import java.util.List;

/**
 * One leaf of the command tree. Parsed by JCommander from its annotated fields, checked against its
 * {@link Grammar}, then run.
 */
public interface Command {

    /** The common options this command carries (for --silent, --debug, --help, -c, --profile). */
    CommonOptions common();

    /** The positional words and usage line of the command. */
    Grammar grammar();

    /** The positional words as parsed. */
    List<String> words();

    /** Gives a command whose grammar passes words through the words after {@code --}, or null when there was no {@code --}. */
    void passThrough(List<String> words);

    /**
     * The exit status for a failure, given the usual one (1 operational, 2 usage); a command whose
     * statuses mean something else, as {@code diff}'s do, maps them here.
     */
    default int failureStatus(int usual) {
        return usual;
    }

    /** @return the exit status */
    int run(CommandContext context) throws Exception;
}
