package dev.messer.cli;

import java.util.List;

/**
 * A command that takes another command line after {@code --} ({@code messer exec ... -- CMD ARGS}).
 * The words after the first {@code --} reach it verbatim; JCommander parses only the words before.
 */
interface PassThroughCommand extends Command {

    /** The words after {@code --}, or null when there was no {@code --}. */
    void passThrough(List<String> words);
}
