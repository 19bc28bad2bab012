package dev.messer.cli;

/** One leaf of the command tree. Parsed by JCommander from its annotated fields, then run. */
public interface Command {

    /** The common options this command carries (for --silent, --debug, --help, -c, --profile). */
    CommonOptions common();

    /** @return the exit status */
    int run(CommandContext context) throws Exception;
}
