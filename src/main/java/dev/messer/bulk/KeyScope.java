package dev.messer.bulk;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which items of a secrets bucket a key deletion must count. Items do not record the keys bucket
 * their data key came from, and tiers may share one (local tiers often do), so every item counts,
 * except those under a tier/folder prefix that the configuration maps to another keys bucket only.
 *
 * @param elsewhere bags prefix ({@code "prod/"}, {@code "prod/team/"}, {@code ""}) to why its items
 *                  are left out ("profile prod keeps its keys in s3://acme-keys-prod")
 */
public record KeyScope(Map<String, String> elsewhere) {

    /** Every item counts. */
    public static final KeyScope EVERY_ITEM = new KeyScope(Map.of());

    public KeyScope {
        elsewhere = Map.copyOf(new TreeMap<>(elsewhere));
    }

    /** Why the item (or kept version) at {@code objectKey} is left out, or empty when it counts. */
    public Optional<String> leftOut(String objectKey) {
        return Optional.ofNullable(elsewhere.get(bagsPrefixOf(objectKey)));
    }

    /** The bags prefix of {@code <prefix><bag>/<id>}: everything before the bag. */
    public static String bagsPrefixOf(String objectKey) {
        int id = objectKey.lastIndexOf('/');
        int bag = id <= 0 ? -1 : objectKey.lastIndexOf('/', id - 1);
        return bag < 0 ? "" : objectKey.substring(0, bag + 1);
    }
}
