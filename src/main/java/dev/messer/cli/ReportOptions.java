package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.bulk.BulkOptions;

/** The options of the commands that write a report over tiers ({@code audit}, {@code compare}). */
final class ReportOptions {

    @Parameter(names = "--format", description = "text, json (docs/audit.md) or html (one self-contained page)")
    String format = "text";

    @Parameter(names = {"-o", "--output"}, description = "Write the report to this file (atomically, mode 0600)")
    String output;

    @Parameter(names = "--parallel", description = "Items read at once (1-" + BulkOptions.MAX_PARALLEL + ")")
    int parallel = BulkOptions.DEFAULT_PARALLEL;

    /** Refuses an unknown format or a parallelism out of range, before anything is read. */
    void check() {
        EstateProfiles.format(format);
        if (parallel < 1 || parallel > BulkOptions.MAX_PARALLEL) {
            throw new UsageException("--parallel must be between 1 and " + BulkOptions.MAX_PARALLEL + ", not " + parallel);
        }
    }
}
