package dev.messer.bulk;

import dev.messer.databag.Bags;
import dev.messer.databag.ItemService;
import dev.messer.keys.CachingDataKeys;
import dev.messer.keys.KeyRing;
import java.util.function.LongSupplier;

/**
 * What a bulk run works with in one profile, as its session hands them out.
 *
 * @param dataKeys  the profile's data keys, which {@code items} seals and opens with: their unwrap
 *                  count is the run's cost in master key calls
 * @param throttles how many answers of the provider said it was throttling the caller so far,
 *                  retried or not; a run with adaptive concurrency slows down when it moves
 */
public record BulkProfile(ItemService items, Bags bags, KeyRing keyRing, CachingDataKeys dataKeys,
                          LongSupplier throttles) {

    /** A profile whose provider never throttles (a local folder). */
    public BulkProfile(ItemService items, Bags bags, KeyRing keyRing, CachingDataKeys dataKeys) {
        this(items, bags, keyRing, dataKeys, () -> 0);
    }
}
