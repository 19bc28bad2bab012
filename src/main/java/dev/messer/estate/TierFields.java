package dev.messer.estate;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The bags, items and field paths of one tier, each field as the keyed hash of its value, never the
 * value.
 *
 * @param fields   {@code BAG/ITEM} to field path to hash
 * @param problems what kept the scan of this tier from being complete (unreachable, unreadable items);
 *                 empty when it is complete
 */
public record TierFields(String profile, SortedSet<String> bags, SortedMap<String, SortedMap<String, String>> fields,
                         List<String> problems) {

    public TierFields {
        problems = List.copyOf(problems);
    }

    public boolean complete() {
        return problems.isEmpty();
    }

    /** A tier that could not be scanned at all. */
    public static TierFields unreachable(String profile, String why) {
        return new TierFields(profile, new java.util.TreeSet<>(), new java.util.TreeMap<>(), List.of(why));
    }
}
