package dev.messer.bulk;

import dev.messer.crypto.EnvelopeCodec;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.error.MesserException;
import dev.messer.keys.KeyRef;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What re-encrypt and rotate-keys share: list the items once, move each onto its key's target in
 * parallel, and report. Nothing is held per item between the listing and the end but the run's
 * {@link Spill}: re-encrypt reads and writes each item in one pass (a GET, then a conditional PUT);
 * rotate-keys, which must know every item's key version before it writes anything, reads every item
 * first (a GET each), keeps them in the spill, writes the new key versions, and then moves the items
 * from the spill (a conditional PUT each, on the entity tag of that first read).
 */
final class ResealRun {

    /** One item, as read, with what became of it. */
    private record Moved(ScannedItem item, ItemResult result) {
    }

    private final BulkProfile profile;
    private final BulkRun run;
    private final Set<KeyRef> used = ConcurrentHashMap.newKeySet();
    private final AtomicInteger version1Remaining = new AtomicInteger();

    private ResealRun(BulkProfile profile, BulkRun run) {
        this.profile = profile;
        this.run = run;
    }

    /** A run whose targets need no plan before the first write: each item read and moved at once. */
    static BulkReport inOnePass(String command, BulkProfile profile, BulkOptions options, KeyTargets targets) {
        int unwrapsBefore = profile.dataKeys().unwrapCount();
        try (BulkRun run = new BulkRun(command, options, profile.throttles())) {
            ResealRun reseal = new ResealRun(profile, run);
            ItemListing listing = ItemListing.of(profile.bags(), run);
            reseal.move(listing.items(), listing.size(), path -> ScannedItem.read(profile.items(), path), targets);
            return reseal.report(command, targets, unwrapsBefore);
        }
    }

    /**
     * A run that reads every item before it writes anything: {@code seen} hears each usable item of
     * that first pass (from the worker threads); then {@code planner} makes the targets (and writes
     * key versions, unless a dry run), and the items move.
     */
    static BulkReport readFirst(String command, BulkProfile profile, BulkOptions options, Consumer<ScannedItem> seen,
                                Supplier<KeyTargets> planner) {
        int unwrapsBefore = profile.dataKeys().unwrapCount();
        try (BulkRun run = new BulkRun(command, options, profile.throttles())) {
            ResealRun reseal = new ResealRun(profile, run);
            ItemListing listing = ItemListing.of(profile.bags(), run);
            Spill<ScannedItem> scanned = ScannedItem.scan(run, profile.items(), listing, seen);
            if (run.stopped()) {
                return reseal.report(command, new KeyTargets(), unwrapsBefore);
            }
            KeyTargets targets = planner.get();
            reseal.move(scanned, scanned.size(), item -> item, targets);
            return reseal.report(command, targets, unwrapsBefore);
        }
    }

    private <T> void move(Iterable<T> inputs, int total, Function<T, ScannedItem> read, KeyTargets targets) {
        Resealing resealing = new Resealing(profile.items(), used);
        run.workers().forEach("re-encrypting", total, inputs.iterator(), input -> {
            ScannedItem item = read.apply(input);
            return new Moved(item, targets.apply(item, (it, target) -> resealing.apply(it, target, run.dryRun())));
        }, Moved::result, (input, moved) -> {
            run.tally().add(moved.result());
            if (!moved.item().usable()) {
                run.unread(moved.result());
            }
            if (leftInVersion1(moved.item(), moved.result())) {
                version1Remaining.incrementAndGet();
            }
        });
    }

    private BulkReport report(String command, KeyTargets targets, int unwrapsBefore) {
        return new BulkReport(command, run.dryRun(), run.tally().counts(), targets.plan(),
                profile.dataKeys().unwrapCount() - unwrapsBefore, used.size(), targets.created(),
                Duration.ofNanos(System.nanoTime() - run.startNanos()),
                profile.items().writeVersion() == EnvelopeVersion.V1 || !run.readEveryItem() ? OptionalInt.empty()
                        : OptionalInt.of(version1Remaining.get()), run.workers().concurrency())
                .stoppedBecause(run.stopLine());
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
