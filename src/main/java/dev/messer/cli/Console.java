package dev.messer.cli;

import dev.messer.names.Names;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * What a command talks to: stdout for the data it was asked for, stderr for progress and errors,
 * stdin for piped input, the terminal for prompts, and the environment. {@code --silent} mutes
 * {@link #info} only.
 *
 * <p>Messages name stored labels (ids, key names, versions, writers) that whoever may write a bucket
 * chooses. So every line on stderr, and every stdout line of a {@link #report}, has the characters a
 * terminal acts on escaped ({@link Names#controlsEscaped}); only {@link #data} and {@link #out()}
 * print exactly what they are given, because that is the data asked for.
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

    /** Data: always printed, as it is. */
    public void data(String line) {
        out.println(line);
    }

    /**
     * A stdout line made of labels and words rather than values (a table, a checklist, a plan):
     * always printed, with control characters escaped.
     */
    public void report(String line) {
        out.println(Names.controlsEscaped(line));
    }

    public PrintStream out() {
        return out;
    }

    /** Progress and confirmations: stderr, muted by --silent. */
    public void info(String line) {
        if (!silent) {
            err.println(Names.controlsEscaped(line));
        }
    }

    /** Errors and warnings: always stderr. */
    public void error(String line) {
        err.println(Names.controlsEscaped(line));
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
