package dev.messer.bulk;

import dev.messer.databag.Bags;
import java.util.Iterator;
import java.util.List;
import java.util.SortedSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Applies a task to every input on {@link BulkWorkers} with a fixed number in flight, for the
 * scans outside a bulk run ({@code audit}, {@code compare}): inputs AWS kept throttling go back on
 * the queue a few times before their result stands. The inputs come from a list, or from a
 * profile's listing through a {@link Spill}, as a bulk run takes them, so that a scan of any number
 * of items holds only those in flight. Tasks report their own failures as values; an exception
 * escaping a task is a bug and is rethrown once the items in flight have finished.
 */
public final class ParallelMap {

    /** What a throttled result means to the workers: put the input back on the queue. */
    private static final ItemResult THROTTLED = ItemResult.throttled(null, "throttled");

    private ParallelMap() {
    }

    /** Hands each input's final result to {@code sink} (from the worker threads, in no particular order). */
    public static <T, R> void forEachRequeuing(List<T> inputs, int parallel, String phase, BulkListener listener,
                                               Function<T, R> task, Predicate<R> throttled, BiConsumer<T, R> sink) {
        forEachRequeuing(inputs.iterator(), inputs.size(), parallel, phase, listener, task, throttled, sink);
    }

    /**
     * The same over every item of {@code bags} whose bag is {@code inScope}, from one listing of the
     * prefix: the listing goes to a spill file (names only), then the items are read back from it one
     * at a time as the workers take them.
     *
     * @return the bags in scope, those without items included
     */
    public static <R> SortedSet<String> forEachItem(Bags bags, Predicate<String> inScope, int parallel, String phase,
                                                    BulkListener listener, Function<ItemPath, R> task,
                                                    Predicate<R> throttled, BiConsumer<ItemPath, R> sink) {
        try (Spill<ItemPath> items = Spill.in(Spill.defaultFolder(), ItemListing.PATHS)) {
            ItemListing listing = ItemListing.of(bags, items, inScope);
            forEachRequeuing(items.iterator(), listing.size(), parallel, phase, listener, task, throttled, sink);
            return listing.bags();
        }
    }

    private static <T, R> void forEachRequeuing(Iterator<T> inputs, int total, int parallel, String phase,
                                                BulkListener listener, Function<T, R> task, Predicate<R> throttled,
                                                BiConsumer<T, R> sink) {
        try (BulkWorkers workers = new BulkWorkers(AdaptiveConcurrency.pinned(parallel), listener)) {
            workers.forEach(phase, total, inputs, task, result -> throttled.test(result) ? THROTTLED : null, sink);
        }
    }
}
