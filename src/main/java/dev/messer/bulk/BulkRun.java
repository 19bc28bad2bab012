package dev.messer.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What one bulk run holds while it goes: its options, its worker threads with their limit of items
 * in flight, the tally of item results, and its temporary files, which closing the run gives back.
 */
final class BulkRun implements AutoCloseable {

    private final BulkOptions options;
    private final BulkWorkers workers;
    private final ResultTally tally;
    private final List<Spill<?>> spills = new ArrayList<>();
    private final long start = System.nanoTime();

    /** @param throttles the provider's count of throttled answers, which the limit of items in flight watches */
    BulkRun(BulkOptions options, LongSupplier throttles) {
        this.options = options;
        this.workers = new BulkWorkers(options.concurrency(throttles), options.listener());
        this.tally = new ResultTally(options.dryRun());
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
