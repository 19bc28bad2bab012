package dev.messer.databag;

import dev.messer.error.MesserException;
import dev.messer.names.Names;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which stored items are sealed with a key (or one version of it), over a whole secrets bucket:
 * every tier and folder, since they all share the profile's keys bucket. Objects that are not
 * items (markers, damaged objects) are left out.
 *
 * @param items how many items use it
 * @param bags  the folders holding them ({@code tier/folder/bag})
 */
public record KeyUsage(int items, SortedSet<String> bags) {

    private static final int BAGS_SHOWN = 5;

    /** Reads every object of the bucket (one listing, one GET per object). */
    public static KeyUsage scan(BlobStore secrets, String keyName, OptionalInt version) {
        Names.check("key name", keyName);
        int items = 0;
        SortedSet<String> bags = new TreeSet<>();
        for (String key : secrets.list("")) {
            int slash = key.lastIndexOf('/');
            if (slash <= 0 || slash == key.length() - 1) {
                continue;
            }
            Optional<StoredItem> item = readItem(secrets, key);
            if (item.isPresent() && item.get().keyName().equals(keyName)
                    && (version.isEmpty() || item.get().keyVersion() == version.getAsInt())) {
                items++;
                bags.add(key.substring(0, slash));
            }
        }
        return new KeyUsage(items, bags);
    }

    private static Optional<StoredItem> readItem(BlobStore secrets, String key) {
        try {
            Optional<Blob> blob = secrets.get(key);
            return blob.map(b -> StoredItem.parse(b.content(), key));
        } catch (MesserException e) {
            return Optional.empty();
        }
    }

    /** "3 items in prod/web, dev/web" (at most five bags named). */
    public String describe() {
        List<String> shown = bags.stream().limit(BAGS_SHOWN).map(Names::escaped).toList();
        String more = bags.size() > BAGS_SHOWN ? " and " + (bags.size() - BAGS_SHOWN) + " more bags" : "";
        return items + " item" + (items == 1 ? "" : "s") + (items == 0 ? "" : " in " + String.join(", ", shown) + more);
    }
}
