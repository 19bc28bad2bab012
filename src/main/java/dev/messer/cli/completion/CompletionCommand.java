package dev.messer.cli.completion;

import dev.messer.cli.CommandBase;
import dev.messer.cli.CommandContext;
import dev.messer.cli.CommandTree;
import dev.messer.cli.ExitCodes;
import dev.messer.cli.Grammar;
import dev.messer.cli.Positional;
import dev.messer.cli.UsageException;
import java.time.Duration;

/**
 * {@code messer completion bash|zsh}: prints the shell completion script, generated from the command
 * tree. {@code messer completion names profiles|aws|local [BAG]} prints the names the script offers
 * (see {@link CompletionNames}).
 */
public final class CompletionCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.choice("bash|zsh")).hidden("names");

    /** How long the script waits for a listing of the store. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(2);

    private final Duration timeLimit;

    public CompletionCommand() {
        this(TIME_LIMIT);
    }

    /** @param timeLimit how long a listing of the store may take before completion offers nothing */
    public CompletionCommand(Duration timeLimit) {
        super(GRAMMAR);
        this.timeLimit = timeLimit;
    }

    @Override
    public int run(CommandContext context) {
        if (!words.isEmpty() && words.get(0).equals("names")) {
            new CompletionNames(context, timeLimit).names(words.subList(1, words.size()))
                    .forEach(context.console().out()::println);
            return ExitCodes.OK;
        }
        CompletionModel model = CompletionModel.of(CommandTree.standard());
        String script = switch (words.get(0)) {
            case "bash" -> BashCompletionScript.bash(model);
            case "zsh" -> BashCompletionScript.zsh(model);
            default -> throw UsageException.withUsage("'" + words.get(0) + "' is not a supported shell");
        };
        context.console().out().print(script);
        return ExitCodes.OK;
    }
}
