package dev.messer.bulk;

import dev.messer.error.InvalidInputException;

/**
 * How a bulk run goes: how many items at once, and whether it only reports its plan.
 *
 * @param parallel items processed concurrently (1 to {@value #MAX_PARALLEL})
 * @param dryRun   read and plan, write nothing
 */
public record BulkOptions(int parallel, boolean dryRun, BulkListener listener) {

    public static final int DEFAULT_PARALLEL = 8;
    public static final int MAX_PARALLEL = 64;

    public BulkOptions {
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new InvalidInputException("--parallel must be between 1 and " + MAX_PARALLEL + ", not " + parallel);
        }
        listener = listener == null ? BulkListener.NONE : listener;
    }

    public static BulkOptions defaults() {
        return new BulkOptions(DEFAULT_PARALLEL, false, BulkListener.NONE);
    }

    public BulkOptions withDryRun(boolean value) {
        return new BulkOptions(parallel, value, listener);
    }

    public BulkOptions withParallel(int value) {
        return new BulkOptions(value, dryRun, listener);
    }
}
