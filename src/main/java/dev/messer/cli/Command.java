package dev.messer.cli;

/** One leaf of the command tree. Parsed by JCommander from its annotated fields, then run. */
public interface Command {

    /** The common options this command carries (for --silent, --debug, --help, -c, --profile). */
    CommonOptions common();

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
