package dev.messer.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import dev.messer.error.MesserException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Parses the words, runs the command, and turns every failure into one line and an exit status. */
public final class Cli {

    private final Console console;
    private final CommandTree tree;

    public Cli(Console console, CommandTree tree) {
        this.console = console;
        this.tree = tree;
    }

    public int run(String... args) {
        List<String> words = Arrays.asList(args);
        int endOfOptions = words.indexOf("--");
        console.debug((endOfOptions < 0 ? words : words.subList(0, endOfOptions)).contains("--debug"));
        String command = "messer";
        String usage = null;
        Hints hints = new Hints(null, null, null);
        Command leaf = null;
        try {
            CommandTree.Node node = tree.root();
            int i = 0;
            while (!node.isLeaf()) {
                command = node.path();
                if (i >= args.length) {
                    HelpPrinter.group(node, console.err());
                    return ExitCodes.USAGE;
                }
                String word = args[i];
                if (word.equals("-h") || word.equals("--help")) {
                    HelpPrinter.group(node, console.out());
                    return ExitCodes.OK;
                }
                if ((word.equals("--version") || word.equals("-V")) && node == tree.root()) {
                    console.data("messer " + Version.current());
                    return ExitCodes.OK;
                }
                if (word.equals("--debug")) {
                    i++;
                    continue;
                }
                CommandTree.Node child = node.children().get(word);
                if (child == null) {
                    throw new UsageException("'" + word + "' is not a command of '" + node.path() + "'"
                            + CommandSuggestions.hint(tree, node, word) + "; commands: "
                            + String.join(", ", node.children().keySet()));
                }
                node = child;
                i++;
            }
            command = node.path();
            leaf = node.newCommand();
            Grammar grammar = leaf.grammar();
            JCommander parser = grammar.parser(leaf, node.path());
            parser.createDescriptions(); // once: UnknownOptions and parse() both read them
            StartupTrace.mark("options described");
            usage = grammar.usage(command);
            String[] rest = Arrays.copyOfRange(args, i, args.length);
            if (grammar.passesThrough()) {
                int dashes = Arrays.asList(rest).indexOf("--");
                leaf.passThrough(dashes < 0 ? null : List.of(Arrays.copyOfRange(rest, dashes + 1, rest.length)));
                rest = dashes < 0 ? rest : Arrays.copyOfRange(rest, 0, dashes);
            }
            rest = UnknownOptions.of(parser, node.path()).normalise(Arrays.asList(rest)).toArray(String[]::new);
            parser.parse(rest);
            if (leaf.common().help) {
                HelpPrinter.leaf(node, parser, console.out());
                return ExitCodes.OK;
            }
            hints = new Hints(grammar.providerWord(leaf.words()).orElse(null), leaf.common().profile,
                    leaf.common().config);
            grammar.check(leaf.words(), command);
            console.silent(leaf.common().silent);
            console.debug(console.debug() || leaf.common().debug);
            StartupTrace.mark("parsed");
            return leaf.run(new CommandContext(console, leaf.common(), hints));
        } catch (Throwable e) {
            return report(command, usage, e, hints, leaf);
        } finally {
            console.flush();
        }
    }

    private int report(String command, String usage, Throwable e, Hints hints, Command leaf) {
        int status = ExitCodes.forException(e);
        if (leaf != null) {
            status = leaf.failureStatus(status);
        }
        String message;
        if (e instanceof UsageException usageError) {
            message = hints.message(usageError.problem(), usageError.hint())
                    + (usageError.showsUsage() && usage != null ? "; usage: " + usage : "");
        } else if (e instanceof MesserException failure) {
            message = hints.message(failure.problem(), failure.hint());
        } else if (e instanceof ParameterException) {
            message = ParserMessages.rewrite(e.getMessage()) + (usage == null ? "; see '" + command + " --help'"
                    : "; usage: " + usage);
        } else {
            message = "unexpected " + e.getClass().getSimpleName() + (console.debug() ? "" : "; run again with --debug for details");
        }
        if (status == ExitCodes.USAGE && e instanceof UsageException) {
            message = message + (message.contains("--help") ? "" : " (see '" + command + " --help')");
        }
        console.error("messer: " + message);
        if (console.debug()) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            trace.toString().lines().forEach(console::error);
        }
        return status;
    }

    /** Runs with the process's streams and environment. */
    public static int runWithSystem(String[] args) {
        return runWithSystem(args, CommandTree.standard());
    }

    /** Runs {@code tree}'s commands with the process's streams and environment. */
    public static int runWithSystem(String[] args, CommandTree tree) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                java.nio.charset.StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                java.nio.charset.StandardCharsets.UTF_8);
        Map<String, String> env;
        try {
            env = SecretInputs.environment(System.getenv());
        } catch (MesserException | UsageException e) {
            err.println("messer: " + e.getMessage());
            return ExitCodes.forException(e);
        }
        Console console = new Console(out, err, System.in, Terminal.system(), env);
        StartupTrace.mark("environment read");
        return new Cli(console, tree).run(args);
    }
}
