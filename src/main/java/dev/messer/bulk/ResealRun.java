package dev.messer.bulk;

import dev.messer.crypto.EnvelopeCodec;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.error.MesserException;
import dev.messer.keys.KeyRef;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * What re-encrypt and rotate-keys share: read every item once, decide the key targets (before any
 * item is written), then move the items in parallel and report.
 */
final class ResealRun {

    private ResealRun() {
    }

    static BulkReport run(String command, BulkProfile profile, BulkOptions options,
                          Function<List<ScannedItem>, KeyTargets> planner) {
        long start = System.nanoTime();
        int unwrapsBefore = profile.dataKeys().unwrapCount();
        List<ScannedItem> scanned = ScannedItem.scan(profile.items(), Inventory.of(profile.bags()).items(), options);
        KeyTargets targets = planner.apply(scanned);
        Set<KeyRef> used = ConcurrentHashMap.newKeySet();
        Resealing resealing = new Resealing(profile.items(), used);
        ResultTally tally = new ResultTally(options.dryRun());
        AtomicInteger version1Remaining = new AtomicInteger();
        ParallelMap.forEachRequeuing(scanned, options.parallel(), "re-encrypting", options.listener(),
                item -> targets.apply(item, (it, target) -> resealing.apply(it, target, options.dryRun())), ItemResult::throttled, (item, result) -> {
                    tally.add(result);
                    if (leftInVersion1(item, result)) {
                        version1Remaining.incrementAndGet();
                    }
                });
        options.listener().finished();
        return new BulkReport(command, options.dryRun(), tally.counts(), targets.plan(),
                profile.dataKeys().unwrapCount() - unwrapsBefore, used.size(), targets.created(),
                Duration.ofNanos(System.nanoTime() - start), profile.items().writeVersion() == EnvelopeVersion.V1 ? OptionalInt.empty()
                        : OptionalInt.of(version1Remaining.get()));
    }

    /** An item read in format 1 that the run did not (in a dry run: would not) seal again. */
    private static boolean leftInVersion1(ScannedItem item, ItemResult result) {
        return item.usable() && result.outcome() != Outcome.DONE && isVersion1(item);
    }

    private static boolean isVersion1(ScannedItem item) {
        try {
            return EnvelopeCodec.decode(item.read().item().encryptedData()).version() == EnvelopeVersion.V1;
        } catch (MesserException e) {
            return false;
        }
    }
}
