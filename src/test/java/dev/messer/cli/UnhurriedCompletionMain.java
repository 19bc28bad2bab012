package dev.messer.cli;

import dev.messer.cli.completion.CompletionCommand;
import java.time.Duration;

/**
 * The CLI as {@code bin/messer} runs it, except that {@code completion names} may list the store for
 * two minutes instead of two seconds: for tests of what the completion script offers from the
 * store, which must not see a slow machine as an unreachable store. That the listing gives up after
 * its time limit is {@code CompletionNamesTest}'s to prove.
 */
public final class UnhurriedCompletionMain {

    private UnhurriedCompletionMain() {
    }

    public static void main(String[] args) {
        CommandTree tree = CommandTree.standard();
        CommandTree.Node root = tree.root();
        CommandTree.Node completion = root.children().get("completion");
        root.children().put("completion", new CommandTree.Node(completion.word(), completion.summary(),
                () -> new CompletionCommand(Duration.ofMinutes(2)), root));
        System.exit(Cli.runWithSystem(args, tree));
    }
}
