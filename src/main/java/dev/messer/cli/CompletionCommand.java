package dev.messer.cli;

import com.beust.jcommander.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code messer completion bash|zsh}: prints the shell completion script, generated from the command
 * tree. {@code messer completion names profiles|aws|local [BAG]} prints the names the script offers
 * (see {@link CompletionNames}).
 */
final class CompletionCommand extends CommandBase {

    static final String GRAMMAR = "messer completion bash|zsh";

    /** How long the script waits for a listing of the store. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(2);

    @Parameter(description = "bash|zsh")
    List<String> words = new ArrayList<>();

    Duration timeLimit = TIME_LIMIT;

    @Override
    public int run(CommandContext context) {
        if (!words.isEmpty() && words.get(0).equals("names")) {
            new CompletionNames(context, timeLimit).names(words.subList(1, words.size()))
                    .forEach(context.console().out()::println);
            return ExitCodes.OK;
        }
        Positionals.require(words, 1, 1, GRAMMAR);
        CompletionModel model = CompletionModel.of(CommandTree.standard());
        String script = switch (words.get(0)) {
            case "bash" -> BashCompletionScript.bash(model);
            case "zsh" -> BashCompletionScript.zsh(model);
            default -> throw new UsageException("'" + words.get(0) + "' is not a supported shell; usage: " + GRAMMAR);
        };
        context.console().out().print(script);
        return ExitCodes.OK;
    }
}
