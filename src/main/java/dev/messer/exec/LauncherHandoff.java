package dev.messer.exec;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pipe on which this JVM hands bin/messer the command of {@code exec}, so that the launcher
 * runs it in its own process and the JVM ends (bin/lib/exec-handoff.sh reads it, and describes the
 * stream). The launcher opens the pipe on a descriptor and names it in {@value #DESCRIPTOR_VARIABLE}
 * for this JVM alone; a JVM started without the launcher has no such variable and runs the command
 * as its child ({@link ChildProcess}).
 *
 * <p>The stream holds the command's resolved path, its words, and the variables the launcher must
 * remove and export ({@link HandoffPlan}), each entry ended by a NUL byte, and a last entry
 * {@code end}: a stream cut short never runs anything. Values go only into the pipe, never into an
 * argument list or a file.
 */
public final class LauncherHandoff {

    /** The variable that names the descriptor of the pipe. */
    public static final String DESCRIPTOR_VARIABLE = "MESSER_EXEC_HANDOFF_FD";

    /** The first entry of the stream, with the version of its layout. */
    static final String HEADER = "messer-exec-handoff 1";

    /** The last entry of the stream. */
    static final String END = "end";

    private static final Pattern DESCRIPTOR = Pattern.compile("[1-9][0-9]{0,8}");

    private final Path pipe;

    private LauncherHandoff(Path pipe) {
        this.pipe = pipe;
    }

    /**
     * The launcher's pipe, when this JVM's environment names one: a descriptor number of 3 or more.
     *
     * @param descriptors where descriptors are open as files ({@code /dev/fd})
     */
    public static Optional<LauncherHandoff> offered(Map<String, String> environment, Path descriptors) {
        String number = environment.get(DESCRIPTOR_VARIABLE);
        if (number == null || !DESCRIPTOR.matcher(number).matches() || Integer.parseInt(number) < 3) {
            return Optional.empty();
        }
        return Optional.of(new LauncherHandoff(descriptors.resolve(number)));
    }

    /** The pipe of the launcher that started this JVM, if it did. */
    public static Optional<LauncherHandoff> offered(Map<String, String> environment) {
        return offered(environment, Path.of("/dev/fd"));
    }

    /**
     * The variables the launcher exports: the JVM's environment without the one the launcher set
     * for the JVM alone.
     */
    public static Map<String, String> launcherExports(Map<String, String> environment) {
        Map<String, String> exports = new LinkedHashMap<>(environment);
        exports.remove(DESCRIPTOR_VARIABLE);
        return exports;
    }

    /**
     * Writes the whole stream and closes the pipe. The launcher runs the command only once this JVM
     * has exited with status 0.
     *
     * @param program the command's resolved path
     * @param command the command's words as typed (the first becomes its {@code argv[0]})
     * @param plan    a plan that is {@link HandoffPlan#possible()}
     * @throws IOException when the pipe cannot be opened or written: the launcher then runs nothing
     */
    public void handOver(Path program, List<String> command, HandoffPlan plan) throws IOException {
        if (!plan.possible()) {
            throw new IllegalArgumentException("a plan that cannot be followed: " + plan.obstacle());
        }
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream(pipe.toFile()))) {
            write(out, program, command, plan, ChildEnvironment.charset());
        }
    }

    /** The stream, into any output (the tests read it back). */
    static void write(OutputStream out, Path program, List<String> command, HandoffPlan plan, Charset charset)
            throws IOException {
        entry(out, HEADER, charset);
        entry(out, program.toString(), charset);
        entry(out, Integer.toString(command.size()), charset);
        for (String word : command) {
            entry(out, word, charset);
        }
        entry(out, Integer.toString(plan.removals().size()), charset);
        for (String name : plan.removals()) {
            entry(out, name, charset);
        }
        entry(out, Integer.toString(plan.variables().size()), charset);
        for (Map.Entry<String, String> variable : plan.variables().entrySet()) {
            entry(out, variable.getKey() + "=" + variable.getValue(), charset);
        }
        entry(out, END, charset);
        out.flush();
    }

    private static void entry(OutputStream out, String text, Charset charset) throws IOException {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an entry of the handoff holds a NUL character");
        }
        out.write(text.getBytes(charset));
        out.write(0);
    }
}
