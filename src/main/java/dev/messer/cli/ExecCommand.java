package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import dev.messer.exec.ChildProcess;
import dev.messer.output.EnvVariables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code messer exec aws|local BAG ITEM [ITEM...] -- COMMAND [ARGS...]}: runs COMMAND with the
 * decrypted fields of the items as environment variables (named as in {@code --format env}); a
 * name that two fields would both take is an error. Nothing is written to disk; the child's exit
 * status is returned.
 */
final class ExecCommand extends CommandBase implements PassThroughCommand {

    static final String GRAMMAR = "messer exec aws|local BAG ITEM [ITEM...] -- COMMAND [ARGS...]";

    /** Exit status when the command cannot be started, as a shell reports it. */
    static final int CANNOT_RUN = 127;

    @Parameter(description = "aws|local BAG ITEM [ITEM...] -- COMMAND [ARGS...]")
    List<String> words = new ArrayList<>();

    private List<String> command;

    @Override
    public void passThrough(List<String> words) {
        this.command = words;
    }

    @Override
    public int run(CommandContext context) throws InterruptedException {
        Positionals.require(words, 3, Integer.MAX_VALUE, GRAMMAR);
        if (command == null || command.isEmpty()) {
            throw new UsageException("no command to run: put it after '--'; usage: " + GRAMMAR);
        }
        String bag = words.get(1);
        EnvVariables variables = new EnvVariables();
        try (Session<?> session = context.session(words.get(0))) {
            for (String id : words.subList(2, words.size())) {
                variables.add(DecryptedItems.read(session, bag, id));
            }
        }
        context.console().info("Running " + command.get(0) + " with " + variables.asMap().size()
                + " variables from " + bag + "/" + String.join(",", words.subList(2, words.size())));
        context.console().flush();
        try {
            return ChildProcess.run(command, variables.asMap());
        } catch (IOException e) {
            context.console().error("messer: cannot run '" + command.get(0) + "': " + e.getMessage()
                    + "; check the command name and PATH");
            return CANNOT_RUN;
        }
    }
}
