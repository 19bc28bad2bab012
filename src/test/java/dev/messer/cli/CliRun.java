package dev.messer.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One in-process run of the command line: exit status, stdout, stderr and the arguments it ran. */
public record CliRun(int exit, String out, String err, String command) {

    /** Runs {@code args} with {@code env} as the whole environment, no terminal and empty stdin. */
    public static CliRun run(Map<String, String> env, String... args) {
        return run(env, new byte[0], args);
    }

    public static CliRun run(Map<String, String> env, byte[] stdin, String... args) {
        return run(env, stdin, noTerminal(), args);
    }

    public static CliRun run(Map<String, String> env, byte[] stdin, Terminal terminal, String... args) {
        return run(CommandTree.standard(), env, stdin, terminal, args);
    }

    /** Runs {@code args} against {@code tree} with stdout and stderr captured. */
    public static CliRun run(CommandTree tree, Map<String, String> env, byte[] stdin, Terminal terminal,
            String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Console console = new Console(outStream, errStream, new ByteArrayInputStream(stdin), terminal, env);
        int exit = new Cli(console, tree).run(args);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                String.join(" ", args));
    }

    public List<String> errLines() {
        return err.lines().toList();
    }

    public List<String> outLines() {
        return out.lines().toList();
    }

    /** For assertion messages. */
    @Override
    public String toString() {
        return "'" + command + "': exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }

    /** A terminal that is not interactive and answers no prompt. */
    public static Terminal noTerminal() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public String readLine(String prompt) {
                return null;
            }

            @Override
            public char[] readSecret(String prompt) {
                return null;
            }
        };
    }
}
