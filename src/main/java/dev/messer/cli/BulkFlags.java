package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.bulk.BulkListener;
import dev.messer.bulk.BulkOptions;
import dev.messer.config.CommandDefaults;

/** Options shared by the bulk commands that rewrite items. */
final class BulkFlags {

    /**
     * AWS retries of bulk runs where the configuration sets none: adaptive, so that throttling slows
     * the run down instead of failing items, with more attempts than a single command makes.
     */
    static final CommandDefaults RETRY_FALLBACKS = CommandDefaults.BULK;

    @Parameter(names = "--parallel", description = "Items processed at once (1-" + BulkOptions.MAX_PARALLEL
            + "); without it the run chooses, up to " + BulkOptions.MAX_PARALLEL + ", from the throughput it measures")
    Integer parallel;

    @Parameter(names = "--dry-run", description = "Print the plan on stdout; write nothing")
    boolean dryRun;

    @Parameter(names = "--stats", description = "Print key unwraps, key versions and throughput after the summary (also with --debug)")
    boolean stats;

    /** @param listener hears the run: a {@link BulkRunGuard} around the progress display */
    BulkOptions options(BulkListener listener) {
        if (parallel != null && (parallel < 1 || parallel > BulkOptions.MAX_PARALLEL)) {
            throw new UsageException("--parallel must be between 1 and " + BulkOptions.MAX_PARALLEL + ", not " + parallel);
        }
        return new BulkOptions(parallel == null ? BulkOptions.ADAPTIVE : parallel, dryRun, listener);
    }
}
