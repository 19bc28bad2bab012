package dev.messer.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * What one bulk run holds while it goes: its options, its worker threads with their limit of items
 * in flight, the tally of item results, how many items it listed, and its temporary files, which
 * closing the run gives back. While it goes, its listener can ask for the summary of what it did so
 * far ({@link BulkListener#started}), for a run that ends early.
 */
final class BulkRun implements AutoCloseable {

    private final String operation;
    private final BulkOptions options;
    private final BulkWorkers workers;
    private final ResultTally tally;
    private final List<Spill<?>> spills = new ArrayList<>();
    private final long start = System.nanoTime();
    private volatile int listed = -1;
    private final AtomicInteger unread = new AtomicInteger();

    /**
     * @param operation the command, such as "re-encrypt", for the summary
     * @param throttles the provider's count of throttled answers, which the limit of items in flight watches
     */
    BulkRun(String operation, BulkOptions options, LongSupplier throttles) {
        this.operation = operation;
        this.options = options;
        this.workers = new BulkWorkers(options.concurrency(throttles), options.listener());
        this.tally = new ResultTally(options.dryRun());
        options.listener().started(this::stoppedEarlyLine);
    }

    /** The listing found {@code count} items in scope. */
    void listed(int count) {
        listed = count;
    }

    /** An item failed before its content was read: what it holds was not checked. */
    void unread(ItemResult result) {
        if (result.outcome() == Outcome.FAILED) {
            unread.incrementAndGet();
        }
    }

    /** Whether every listed item was read (none stopped early, none failed to be read). */
    boolean readEveryItem() {
        return !stopped() && unread.get() == 0;
    }

    /** Whether the run stopped before every item was tried (the endpoint could not be reached). */
    boolean stopped() {
        return workers.unreachable().isPresent();
    }

    /** "S3 at URL is unreachable; 21 items done, 286 not tried; re-run to resume", when the run stopped for it. */
    Optional<String> stopLine() {
        return workers.unreachable().map(where -> where + " is unreachable; " + tally.counts().done() + " items "
                + (dryRun() ? "checked" : "done") + ", " + notTried().orElse(0L) + " not tried; re-run to resume");
    }

    /** "re-encrypt stopped early: 3 done, 0 skipped, 1 failed, 36 not tried; re-run to resume" */
    String stoppedEarlyLine() {
        ResultCounts counts = tally.counts();
        return operation + " stopped early: " + counts.done() + " done, " + counts.skipped() + " skipped, "
                + counts.failed() + " failed" + notTried().map(n -> ", " + n + " not tried").orElse("")
                + "; re-run to resume";
    }

    private Optional<Long> notTried() {
        int count = listed;
        return count < 0 ? Optional.empty() : Optional.of(Math.max(0, count - tally.counts().total()));
    }

    BulkOptions options() {
        return options;
    }

    boolean dryRun() {
        return options.dryRun();
    }

    BulkWorkers workers() {
        return workers;
    }

    ResultTally tally() {
        return tally;
    }

    /** A new spill in the run's scratch folder, closed with the run. */
    <T> Spill<T> spill(Spill.Codec<T> codec) {
        Spill<T> spill = Spill.in(options.scratch(), codec);
        spills.add(spill);
        return spill;
    }

    long startNanos() {
        return start;
    }

    @Override
    public void close() {
        workers.close();
        spills.forEach(Spill::close);
        options.listener().finished();
    }
}
