package dev.messer.bulk;

import dev.messer.databag.Bags;
import dev.messer.databag.ItemService;
import dev.messer.keys.CachingDataKeys;
import dev.messer.keys.KeyRing;

/**
 * What a bulk run works with in one profile, as its session hands them out.
 *
 * @param dataKeys the profile's data keys, which {@code items} seals and opens with: their unwrap
 *                 count is the run's cost in master key calls
 */
public record BulkProfile(ItemService items, Bags bags, KeyRing keyRing, CachingDataKeys dataKeys) {
}
