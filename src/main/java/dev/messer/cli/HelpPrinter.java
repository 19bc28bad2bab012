package dev.messer.cli;

import com.beust.jcommander.JCommander;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Help text for groups (their commands) and leaves (JCommander's option list). */
final class HelpPrinter {

    private HelpPrinter() {
    }

    static void group(CommandTree.Node node, PrintStream out) {
        out.println("Usage: " + node.path() + " <command> [options]");
        if (!node.summary().isEmpty()) {
            out.println();
            out.println(node.summary());
        }
        out.println();
        out.println("Commands:");
        List<CommandTree.LauncherCommand> launcher = node.parent == null ? CommandTree.LAUNCHER_COMMANDS : List.of();
        int width = Stream.concat(node.children().keySet().stream(),
                launcher.stream().map(CommandTree.LauncherCommand::word)).mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, CommandTree.Node> child : node.children().entrySet()) {
            String summary = child.getValue().summary();
            out.println("  " + pad(child.getKey(), width) + "  " + summary);
        }
        for (CommandTree.LauncherCommand command : launcher) {
            out.println("  " + pad(command.word(), width) + "  " + command.summary());
        }
        out.println();
        out.println("Run '" + node.path() + " <command> --help' for more." + (node.parent == null
                ? " Global: --version (-V), --debug." : ""));
    }

    static void leaf(CommandTree.Node node, JCommander parser, PrintStream out) {
        StringBuilder text = new StringBuilder();
        parser.getUsageFormatter().usage(text);
        out.println(node.summary());
        out.println();
        out.print(text);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
