package dev.messer.regions;

import java.util.SortedMap;

/**
 * What a data-key write did everywhere: the result in the home region, and each region it could not
 * bring along, with the reason. A region left behind is brought up to date by
 * {@code encryption sync}.
 */
public record Behind<T>(T result, SortedMap<String, String> regions) {

    public Behind {
        regions = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(regions));
    }

    public boolean isEmpty() {
        return regions.isEmpty();
    }
}
