package dev.messer.bulk;

import dev.messer.error.InvalidInputException;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * How a bulk run goes: how many items at once, whether it only reports its plan, and where it keeps
 * what it carries from one pass to the next.
 *
 * @param parallel items processed concurrently (1 to {@value #MAX_PARALLEL}), or {@value #ADAPTIVE}
 *                 for a number the run chooses and changes as it measures ({@link AdaptiveConcurrency})
 * @param dryRun   read and plan, write nothing
 * @param scratch  the folder of the run's temporary file ({@link Spill}); {@code java.io.tmpdir} by default
 */
public record BulkOptions(int parallel, boolean dryRun, BulkListener listener, Path scratch) {

    /** {@link #parallel} when the run chooses how many items it keeps in flight. */
    public static final int ADAPTIVE = 0;
    /** The upper bound of items in flight, chosen or pinned. */
    public static final int MAX_PARALLEL = 64;
    /** Items in flight for scans that keep a fixed number ({@code encryption delete}'s). */
    public static final int DEFAULT_PARALLEL = AdaptiveConcurrency.INITIAL;

    public BulkOptions {
        if (parallel != ADAPTIVE && (parallel < 1 || parallel > MAX_PARALLEL)) {
            throw new InvalidInputException("--parallel must be between 1 and " + MAX_PARALLEL + ", not " + parallel);
        }
        listener = listener == null ? BulkListener.NONE : listener;
        scratch = scratch == null ? Spill.defaultFolder() : scratch;
    }

    public BulkOptions(int parallel, boolean dryRun, BulkListener listener) {
        this(parallel, dryRun, listener, null);
    }

    /** Adaptive concurrency, a real run, no progress display. */
    public static BulkOptions defaults() {
        return new BulkOptions(ADAPTIVE, false, BulkListener.NONE);
    }

    public BulkOptions withDryRun(boolean value) {
        return new BulkOptions(parallel, value, listener, scratch);
    }

    public BulkOptions withParallel(int value) {
        return new BulkOptions(value, dryRun, listener, scratch);
    }

    public BulkOptions withScratch(Path folder) {
        return new BulkOptions(parallel, dryRun, listener, folder);
    }

    /** The limit of items in flight for a run whose provider counts throttled answers with {@code throttles}. */
    AdaptiveConcurrency concurrency(LongSupplier throttles) {
        return parallel == ADAPTIVE ? AdaptiveConcurrency.adaptive(MAX_PARALLEL, System::nanoTime, throttles)
                : AdaptiveConcurrency.pinned(parallel);
    }
}
