package dev.messer.cli;

import com.beust.jcommander.Parameter;
import java.util.ArrayList;
import java.util.List;

/** {@code messer completion bash|zsh}: prints the shell completion script, generated from the command tree. */
final class CompletionCommand extends CommandBase {

    static final String GRAMMAR = "messer completion bash|zsh";

    @Parameter(description = "bash|zsh")
    List<String> words = new ArrayList<>();

    @Override
    public int run(CommandContext context) {
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
