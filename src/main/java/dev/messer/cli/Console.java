package dev.messer.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a command talks to: stdout for the data it was asked for, stderr for progress and errors,
 * stdin for piped input, the terminal for prompts, and the environment. {@code --silent} mutes
 * {@link #info} only.
 */
public final class Console {

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Terminal terminal;
    private final Map<String, String> env;
    private boolean silent;
    private boolean debug;

    public Console(PrintStream out, PrintStream err, InputStream in, Terminal terminal, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.terminal = terminal;
        this.env = env;
    }

    /** Data: always printed. */
    public void data(String line) {
        out.println(line);
    }

    public PrintStream out() {
        return out;
    }

    /** Progress and confirmations: stderr, muted by --silent. */
    public void info(String line) {
        if (!silent) {
            err.println(line);
        }
    }

    /** Errors and warnings: always stderr. */
    public void error(String line) {
        err.println(line);
    }

    public PrintStream err() {
        return err;
    }

    public InputStream in() {
        return in;
    }

    public Terminal terminal() {
        return terminal;
    }

    public Map<String, String> env() {
        return env;
    }

    public boolean silent() {
        return silent;
    }

    public void silent(boolean value) {
        this.silent = value;
    }

    public boolean debug() {
        return debug;
    }

    public void debug(boolean value) {
        this.debug = value;
    }

    public void flush() {
        out.flush();
        err.flush();
    }
}
