package dev.messer.bulk;

import dev.messer.databag.StoredItem;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.names.Names;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.BlobVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which stored items, and which kept versions of items, are sealed with a key (or one version of
 * it), over a whole secrets bucket: every tier and folder that may take its keys from the same keys
 * bucket ({@link KeyScope}). Kept versions count apart: {@code show --at}, {@code diff} and
 * {@code rollback} need their key too, also for deleted items. Objects that are not items (folder
 * markers, damaged objects) are left out; an object that cannot be read fails the scan, since the
 * scan could not vouch for it.
 *
 * <p>Cost: one listing of the bucket, one listing of its versions, and one GET per item and per
 * kept version in scope (a stored item names its key only in its body), {@value #PARALLEL} at a time.
 */
public final class KeyUsage {

    private static final int BAGS_SHOWN = 5;
    private static final int PARALLEL = BulkOptions.DEFAULT_PARALLEL;

    private final Tally items;
    private final Tally kept;
    private final int scannedItems;
    private final int scannedVersions;
    private final KeyScope scope;
    /** Bags prefix left out to how many items (slot 0) and kept versions (slot 1) it holds. */
    private final SortedMap<String, int[]> leftOut;

    private KeyUsage(Tally items, Tally kept, int scannedItems, int scannedVersions, KeyScope scope,
                     SortedMap<String, int[]> leftOut) {
        this.items = items;
        this.kept = kept;
        this.scannedItems = scannedItems;
        this.scannedVersions = scannedVersions;
        this.scope = scope;
        this.leftOut = leftOut;
    }

    /** One object to read: an item ({@code versionId} null) or one kept version of it. */
    private record Target(String key, String versionId) {
    }

    /** Reads every item and kept version in scope; {@code listener} hears the progress. */
    public static KeyUsage scan(BlobStore secrets, String keyName, OptionalInt version, KeyScope scope,
                                BulkListener listener) {
        Names.check("key name", keyName);
        SortedMap<String, int[]> leftOut = new TreeMap<>();
        List<Target> targets = new ArrayList<>();
        for (String key : secrets.list("")) {
            if (isItemKey(key)) {
                inScope(scope, key, leftOut, 0).ifPresent(k -> targets.add(new Target(k, null)));
            }
        }
        int scannedItems = targets.size();
        for (Map.Entry<String, List<BlobVersion>> entry : secrets.keptVersions("").entrySet()) {
            if (!isItemKey(entry.getKey())) {
                continue;
            }
            for (BlobVersion v : entry.getValue()) {
                inScope(scope, entry.getKey(), leftOut, 1).ifPresent(k -> targets.add(new Target(k, v.id())));
            }
        }
        List<Boolean> uses = BulkWorkers.map(targets, PARALLEL, "reading items and kept versions", listener,
                target -> uses(secrets, target, keyName, version));
        listener.finished();
        Tally items = new Tally();
        Tally kept = new Tally();
        for (int i = 0; i < targets.size(); i++) {
            if (uses.get(i)) {
                (targets.get(i).versionId() == null ? items : kept).add(targets.get(i).key());
            }
        }
        return new KeyUsage(items, kept, scannedItems, targets.size() - scannedItems, scope, leftOut);
    }

    /** The key when it is in scope; otherwise counts it (slot 0 items, 1 kept versions) under its prefix. */
    private static Optional<String> inScope(KeyScope scope, String key, SortedMap<String, int[]> leftOut, int slot) {
        if (scope.leftOut(key).isEmpty()) {
            return Optional.of(key);
        }
        leftOut.computeIfAbsent(KeyScope.bagsPrefixOf(key), prefix -> new int[2])[slot]++;
        return Optional.empty();
    }

    private static boolean isItemKey(String key) {
        int slash = key.lastIndexOf('/');
        return slash > 0 && slash < key.length() - 1;
    }

    private static boolean uses(BlobStore secrets, Target target, String keyName, OptionalInt version) {
        StoredItem item;
        try {
            Optional<Blob> blob = target.versionId() == null ? secrets.get(target.key())
                    : secrets.getVersion(target.key(), target.versionId());
            if (blob.isEmpty()) {
                return false;
            }
            item = StoredItem.parse(blob.get().content(), target.key());
        } catch (IntegrityException | InvalidInputException notAnItem) {
            return false;
        }
        return item.keyName().equals(keyName) && (version.isEmpty() || item.keyVersion() == version.getAsInt());
    }

    /** Items that use the key, in scope. */
    public int items() {
        return items.count;
    }

    /** Kept versions that use the key, in scope, of live and of deleted items. */
    public int keptVersions() {
        return kept.count;
    }

    /** "3 items in prod/web, dev/web" (at most five bags named). */
    public String describeItems() {
        return items.count + plural(" item", items.count) + items.where();
    }

    /** "14 kept versions of 6 items in dev/web". */
    public String describeKept() {
        return kept.count + plural(" kept version", kept.count) + " of " + kept.items.size()
                + plural(" item", kept.items.size()) + kept.where();
    }

    /** "2 items in dev/ops", or "0 items and by 14 kept versions of 6 items in dev/web". */
    public String describe() {
        return describeItems() + (kept.count == 0 ? "" : " and by " + describeKept());
    }

    /**
     * What was read and what was left out, and why: "scanned 7 items and 12 kept versions; left out
     * 1 item and 2 kept versions under quickstart/, whose keys profile quickstart keeps in ...".
     */
    public String describeScope() {
        StringBuilder text = new StringBuilder("scanned " + scannedItems + plural(" item", scannedItems) + " and "
                + scannedVersions + plural(" kept version", scannedVersions));
        leftOut.forEach((prefix, counts) -> text.append("; left out ").append(counts[0])
                .append(plural(" item", counts[0])).append(" and ").append(counts[1])
                .append(plural(" kept version", counts[1])).append(" under ")
                .append(prefix.isEmpty() ? "the top level" : Names.escaped(prefix)).append(", ")
                .append(scope.elsewhere().get(prefix)));
        return text.toString();
    }

    private static String plural(String word, int count) {
        return count == 1 ? word : word + "s";
    }

    /** Versions counted, with the items and bags ({@code tier/folder/bag}) they belong to. */
    private static final class Tally {
        private int count;
        private final SortedSet<String> items = new TreeSet<>();
        private final SortedSet<String> bags = new TreeSet<>();

        void add(String key) {
            count++;
            items.add(key);
            bags.add(key.substring(0, key.lastIndexOf('/')));
        }

        String where() {
            if (count == 0) {
                return "";
            }
            List<String> shown = bags.stream().limit(BAGS_SHOWN).map(Names::escaped).toList();
            return " in " + String.join(", ", shown)
                    + (bags.size() > BAGS_SHOWN ? " and " + (bags.size() - BAGS_SHOWN) + " more bags" : "");
        }
    }
}
