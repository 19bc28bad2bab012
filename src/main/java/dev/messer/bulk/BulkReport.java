package dev.messer.bulk;

import dev.messer.keys.KeyRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a bulk run did: the item results (counts, and the items worth naming), the key-level plan
 * (bags and key versions created or to create), and the counts that show the cost of the run.
 *
 * @param plan              bag and key actions, in order ("create key app v3")
 * @param keyUnwraps        how many times a master key unwrapped a data key (KMS Decrypt calls on aws)
 * @param keyVersionsUsed   distinct key versions whose plaintext the run needed
 * @param keysCreated       key versions written by the run
 * @param version1Remaining items left in item format 1 after the run (after a dry run: that would be
 *                          left); empty when the run does not upgrade formats
 * @param concurrency       how many items the run kept in flight
 * @param stopped           why the run stopped before it tried every item ("S3 at URL is unreachable;
 *                          ..."), if it did
 */
public record BulkReport(String operation, boolean dryRun, ResultCounts results, List<String> plan,
                         int keyUnwraps, int keyVersionsUsed, List<KeyRef> keysCreated, Duration elapsed,
                         OptionalInt version1Remaining, ConcurrencyTrace concurrency, Optional<String> stopped) {

    public BulkReport(String operation, boolean dryRun, ResultCounts results, List<String> plan,
                      int keyUnwraps, int keyVersionsUsed, List<KeyRef> keysCreated, Duration elapsed,
                      OptionalInt version1Remaining, ConcurrencyTrace concurrency) {
        this(operation, dryRun, results, plan, keyUnwraps, keyVersionsUsed, keysCreated, elapsed, version1Remaining,
                concurrency, Optional.empty());
    }

    /** The same report for a run that stopped early, saying why. */
    public BulkReport stoppedBecause(Optional<String> why) {
        return new BulkReport(operation, dryRun, results, plan, keyUnwraps, keyVersionsUsed, keysCreated, elapsed,
                why.isPresent() ? OptionalInt.empty() : version1Remaining, concurrency, why);
    }

    public BulkReport {
        plan = List.copyOf(plan);
        keysCreated = List.copyOf(keysCreated);
    }

    public BulkReport(String operation, boolean dryRun, ResultCounts results, List<String> plan,
                      int keyUnwraps, int keyVersionsUsed, List<KeyRef> keysCreated, Duration elapsed,
                      ConcurrencyTrace concurrency) {
        this(operation, dryRun, results, plan, keyUnwraps, keyVersionsUsed, keysCreated, elapsed, OptionalInt.empty(),
                concurrency);
    }

    /** "3 items remain in item format 1 ..." when the run counted them. */
    public Optional<String> version1Line() {
        if (version1Remaining.isEmpty()) {
            return Optional.empty();
        }
        int left = version1Remaining.getAsInt();
        return Optional.of(left == 0
                ? "0 items remain in item format 1; set min_item_format = 2 to refuse format 1 from now on"
                : left + " item" + (left == 1 ? "" : "s") + " remain" + (left == 1 ? "s" : "")
                        + " in item format 1 (not bound to their path)" + (dryRun ? " after this run" : ""));
    }

    public long count(Outcome outcome) {
        return results.count(outcome);
    }

    /** The listed items with this outcome (a real run lists failed items and those left alone for a reason). */
    public List<ItemResult> with(Outcome outcome) {
        return results.listed().stream().filter(r -> r.outcome() == outcome).toList();
    }

    public boolean failed() {
        return count(Outcome.FAILED) > 0 || stopped.isPresent();
    }

    /** "re-encrypt: 1498 done, 2 skipped, 0 failed in 3.1 s" */
    public String summaryLine() {
        if (dryRun) {
            return String.format(Locale.ROOT, "%s (dry run, nothing written): %d to do, %d to skip, %d failed",
                    operation, count(Outcome.DONE), count(Outcome.SKIPPED), count(Outcome.FAILED));
        }
        return String.format(Locale.ROOT, "%s: %d done, %d skipped, %d failed in %.1f s",
                operation, count(Outcome.DONE), count(Outcome.SKIPPED), count(Outcome.FAILED),
                elapsed.toMillis() / 1000.0);
    }

    /**
     * "stats: 2000 items, 2 key unwraps for 2 key versions, 1 key versions created, in flight 8 to 32,
     * 32 at the end, 1234 items/s"
     */
    public String statsLine() {
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
        return String.format(Locale.ROOT,
                "stats: %d items, %d key unwraps for %d key versions, %d key versions created, %s, %.0f items/s",
                results.total(), keyUnwraps, keyVersionsUsed, keysCreated.size(), concurrency.describe(),
                results.total() / seconds);
    }

    /** Several runs (copy to several destinations) as one report. */
    public static BulkReport merge(String operation, List<BulkReport> reports) {
        List<ResultCounts> results = new ArrayList<>();
        List<String> plan = new ArrayList<>();
        List<KeyRef> created = new ArrayList<>();
        int unwraps = 0;
        int used = 0;
        Duration elapsed = Duration.ZERO;
        boolean dryRun = false;
        ConcurrencyTrace concurrency = null;
        Optional<String> stopped = Optional.empty();
        for (BulkReport report : reports) {
            stopped = stopped.or(report::stopped);
            concurrency = concurrency == null ? report.concurrency : concurrency.merge(report.concurrency);
            results.add(report.results);
            plan.addAll(report.plan);
            created.addAll(report.keysCreated);
            unwraps += report.keyUnwraps;
            used += report.keyVersionsUsed;
            elapsed = elapsed.plus(report.elapsed);
            dryRun |= report.dryRun;
        }
        return new BulkReport(operation, dryRun, ResultCounts.sum(results), plan, unwraps, used, created, elapsed,
                concurrency == null ? ConcurrencyTrace.fixed(1) : concurrency).stoppedBecause(stopped);
    }
}
