package dev.messer.cli;

import dev.messer.bulk.BulkListener;
import java.util.function.Supplier;

/**
 * Makes sure a bulk run that ends early still says what it did: if the run fails as a whole (an
 * error escapes it) or the process is stopped (Ctrl-C, SIGTERM) before the report is printed, one
 * line on stderr counts the items done, skipped, failed and not tried, so that nobody has to guess
 * whether to run it again. Passes progress on to the display it wraps.
 */
final class BulkRunGuard implements BulkListener, AutoCloseable {

    private final Console console;
    private final BulkListener display;
    private final Thread hook = new Thread(this::stoppedEarly, "messer-bulk-summary");
    private Supplier<String> summary;
    private boolean hooked;
    private boolean over;

    BulkRunGuard(Console console, BulkListener display) {
        this.console = console;
        this.display = display;
    }

    static BulkRunGuard forConsole(Console console) {
        return new BulkRunGuard(console, BulkProgressPrinter.forConsole(console));
    }

    @Override
    public synchronized void started(Supplier<String> runSummary) {
        summary = runSummary;
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(hook);
            hooked = true;
        }
    }

    @Override
    public void phase(String name, int total) {
        display.phase(name, total);
    }

    @Override
    public void advanced() {
        display.advanced();
    }

    @Override
    public void finished() {
        display.finished();
    }

    /** The run ended without its report: prints what it did so far, once. */
    synchronized void stoppedEarly() {
        if (over || summary == null) {
            return;
        }
        over = true;
        display.finished();
        console.error(summary.get());
    }

    /** The report is about to be printed, or the run never started: nothing more to say. */
    @Override
    public synchronized void close() {
        over = true;
        if (hooked) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs, and finds the run over
            }
        }
    }
}
