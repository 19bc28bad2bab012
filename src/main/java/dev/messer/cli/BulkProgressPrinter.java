package dev.messer.cli;

import dev.messer.bulk.BulkListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a bulk run on one stderr line (count, rate, ETA), rewritten at most five times a
 * second. Shown only when stderr is a terminal and the command is not silent: the launcher sets
 * {@code MESSER_STDERR_TTY} to 1 or 0; without it the JVM's console decides.
 */
final class BulkProgressPrinter implements BulkListener {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream err;
    private String phase = "";
    private int total;
    private int done;
    private long phaseStart;
    private long lastDraw;
    private boolean drawn;

    BulkProgressPrinter(PrintStream err) {
        this.err = err;
    }

    static BulkListener forConsole(Console console) {
        return enabled(console) ? new BulkProgressPrinter(console.err()) : BulkListener.NONE;
    }

    static boolean enabled(Console console) {
        if (console.silent()) {
            return false;
        }
        String tty = console.env().get("MESSER_STDERR_TTY");
        if (tty != null) {
            return tty.trim().equals("1");
        }
        return System.console() != null;
    }

    @Override
    public synchronized void phase(String name, int units) {
        endLine();
        phase = name;
        total = units;
        done = 0;
        phaseStart = System.nanoTime();
        lastDraw = 0;
    }

    @Override
    public synchronized void advanced() {
        done++;
        long now = System.nanoTime();
        if (done == total || now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(now);
        }
    }

    @Override
    public synchronized void finished() {
        endLine();
    }

    private void draw(long now) {
        double seconds = Math.max((now - phaseStart) / 1e9, 1e-3);
        double rate = done / seconds;
        String eta = rate > 0 && done < total ? String.format(Locale.ROOT, ", ETA %.0f s", (total - done) / rate) : "";
        err.print(String.format(Locale.ROOT, "\r%s %d/%d (%d%%), %.0f items/s%s   ", phase, done, total,
                total == 0 ? 100 : done * 100 / total, rate, eta));
        err.flush();
        drawn = true;
    }

    private void endLine() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }
}
