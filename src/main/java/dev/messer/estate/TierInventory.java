package dev.messer.estate;

import java.util.List;
import java.util.SortedMap;

/**
 * What one tier holds, in counts: never an item's content, and no list of items (its size does not
 * grow with the number of items).
 *
 * @param source           the tier that was scanned
 * @param bags             bags in the tier
 * @param items            items read
 * @param formats          items per item format (1, 2)
 * @param keyVersions      every stored version of every key, in name and version order
 * @param missingVersions  items per key version that items name but the keys bucket does not hold ("app v7")
 * @param unreadable       items that could not be read or are not items (damaged objects)
 * @param problems         the first few unreadable items, each with why (names escaped)
 */
public record TierInventory(TierSource source, int bags, long items, SortedMap<Integer, Long> formats,
                            List<KeyVersionInfo> keyVersions, SortedMap<String, Long> missingVersions,
                            long unreadable, List<String> problems) {

    public TierInventory {
        keyVersions = List.copyOf(keyVersions);
        problems = List.copyOf(problems);
    }

    public long itemsInFormat(int format) {
        return formats.getOrDefault(format, 0L);
    }

    /** The key names, in order. */
    public List<String> keyNames() {
        return keyVersions.stream().map(KeyVersionInfo::name).distinct().toList();
    }

    public List<KeyVersionInfo> versionsOf(String name) {
        return keyVersions.stream().filter(v -> v.name().equals(name)).toList();
    }
}
