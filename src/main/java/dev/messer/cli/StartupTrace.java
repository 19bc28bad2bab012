package dev.messer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where a start goes, in CPU time: with {@code -Dmesser.startup.trace} (in {@code MESSER_JAVA_OPTS})
 * each phase of a command prints one line on stderr with the CPU time its thread and the whole
 * process have used so far, and the last also every thread's (the JIT compiler's among them).
 * CPU time, unlike wall time, hardly depends on the machine's load. The trace's own reading and
 * printing is taken out of every figure, so that a phase is not charged for the line before it. Linux
 * only: the times come from {@code /proc/thread-self/schedstat}; elsewhere they read -1. Without the
 * property nothing is read.
 */
final class StartupTrace {

    private static final boolean ON = System.getProperty("messer.startup.trace") != null;

    /** What only a trace needs, made on its first line: an untraced start makes none of it. */
    private static final class Own {
        static final Path THREAD = Path.of("/proc/thread-self/schedstat");
        /** The CPU time this thread has spent in the trace itself. */
        static final ThreadLocal<long[]> THIS_THREAD = ThreadLocal.withInitial(() -> new long[1]);
        /** The CPU time every thread together has spent in the trace itself. */
        static final java.util.concurrent.atomic.AtomicLong ALL = new java.util.concurrent.atomic.AtomicLong();
    }

    private StartupTrace() {
    }

    /** Marks the end of a phase of this start (a no-op unless tracing). */
    static void mark(String phase) {
        if (ON) {
            print(System.err, phase, false);
        }
    }

    /** Marks the end of the command, with every live thread's CPU time. */
    static void end() {
        if (ON) {
            print(System.err, "end", true);
        }
    }

    static void print(PrintStream err, String phase, boolean threads) {
        long start = nanos(Own.THREAD);
        StringBuilder line = new StringBuilder("messer: startup ").append(phase)
                .append(": thread ").append(start < 0 ? "-1" : format(start - Own.THIS_THREAD.get()[0]))
                .append(" ms, process ");
        StringBuilder each = new StringBuilder();
        long process = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                long nanos = nanos(task.resolve("schedstat"));
                process += Math.max(nanos, 0);
                if (threads && nanos >= 0) {
                    each.append(System.lineSeparator()).append("messer: startup thread ").append(text(task.resolve("comm")).strip())
                            .append(": ").append(format(nanos)).append(" ms");
                }
            }
        } catch (IOException | RuntimeException e) {
            process = -1;
        }
        err.println(line.append(process < 0 ? "-1" : format(process - Own.ALL.get())).append(" ms").append(each));
        long own = nanos(Own.THREAD) - start;
        if (start >= 0 && own > 0) {
            Own.THIS_THREAD.get()[0] += own;
            Own.ALL.addAndGet(own);
        }
    }

    /** This thread's CPU time without the trace's own, in nanoseconds; -1 when it cannot be read. */
    static long threadNanos() {
        long nanos = nanos(Own.THREAD);
        return nanos < 0 ? -1 : nanos - Own.THIS_THREAD.get()[0];
    }

    /** The first field of a schedstat file: nanoseconds on the CPU; -1 when it cannot be read. */
    static long nanos(Path schedstat) {
        String text = text(schedstat);
        int space = text.indexOf(' ');
        try {
            return space < 0 ? -1 : Long.parseLong(text.substring(0, space));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String format(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
