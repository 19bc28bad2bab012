package dev.messer.cli;

import dev.messer.bulk.BulkReport;
import dev.messer.bulk.ItemResult;
import dev.messer.bulk.Outcome;

/**
 * Renders a bulk report. Dry run: the plan and one line per item on stdout. Real run: key and bag
 * actions and items left alone for a reason (not those already up to date) as information, failed items as errors
 * (the first thousand; the rest as one count), then the one summary line.
 * Any failed item makes the exit status 1.
 */
final class BulkReportPrinter {

    private BulkReportPrinter() {
    }

    static int print(Console console, BulkReport report, BulkFlags flags) {
        if (report.dryRun()) {
            report.plan().forEach(console::report);
            for (ItemResult result : report.results().listed()) {
                console.report(label(result.outcome()) + " " + result.item() + ": " + result.detail());
            }
        } else {
            report.plan().forEach(console::info);
            report.with(Outcome.SKIPPED).stream().filter(r -> !r.upToDate())
                    .forEach(r -> console.info("skipped " + r.item() + ": " + r.detail()));
        }
        report.with(Outcome.FAILED).forEach(r -> console.error("failed " + r.item() + ": " + r.detail()));
        long unlisted = report.results().unlisted();
        if (unlisted > 0) {
            console.error(unlisted + " more failed or skipped item" + (unlisted == 1 ? "" : "s")
                    + " not listed; run the command again to retry them and see their reasons");
        }
        console.info(report.summaryLine());
        report.stopped().ifPresent(console::error);
        report.version1Line().ifPresent(console::info);
        if (flags.stats || console.debug()) {
            console.error(report.statsLine());
        }
        return report.failed() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private static String label(Outcome outcome) {
        return switch (outcome) {
            case DONE -> "do";
            case SKIPPED -> "skip";
            case FAILED -> "fail";
        };
    }
}
