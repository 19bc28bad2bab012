package dev.messer.estate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Tiers side by side: which bags, items and field paths each has, and, for a field several tiers
 * have, which of them hold the same value (by keyed hash). A value equal across tiers is a finding:
 * a production secret should not be a development one.
 */
public record Comparison(Instant generated, List<TierFields> tiers, List<Row> bags, List<Row> items, List<Row> paths) {

    /** The schema version of the JSON form (docs/audit.md). */
    public static final int SCHEMA_VERSION = 1;

    /**
     * One bag ({@code BAG}), item ({@code BAG/ITEM}) or field ({@code BAG/ITEM/PATH}) across the tiers.
     *
     * @param present  the profiles that have it, in the order compared
     * @param equalIn  groups of two or more profiles holding the same value (fields only)
     */
    public record Row(String name, List<String> present, List<List<String>> equalIn) {

        public Row {
            present = List.copyOf(present);
            equalIn = equalIn.stream().map(List::copyOf).toList();
        }
    }

    public static Comparison of(List<TierFields> tiers, Instant now) {
        List<Row> bags = new ArrayList<>();
        SortedSet<String> allBags = new TreeSet<>();
        tiers.forEach(t -> allBags.addAll(t.bags()));
        for (String bag : allBags) {
            bags.add(new Row(bag, tiers.stream().filter(t -> t.bags().contains(bag)).map(TierFields::profile).toList(),
                    List.of()));
        }
        SortedSet<String> allItems = new TreeSet<>();
        tiers.forEach(t -> allItems.addAll(t.fields().keySet()));
        List<Row> items = new ArrayList<>();
        List<Row> paths = new ArrayList<>();
        for (String item : allItems) {
            items.add(new Row(item, tiers.stream().filter(t -> t.fields().containsKey(item)).map(TierFields::profile)
                    .toList(), List.of()));
            SortedSet<String> allPaths = new TreeSet<>();
            tiers.forEach(t -> allPaths.addAll(t.fields().getOrDefault(item, new java.util.TreeMap<>()).keySet()));
            for (String path : allPaths) {
                paths.add(fieldRow(tiers, item, path));
            }
        }
        return new Comparison(now, List.copyOf(tiers), bags, items, paths);
    }

    private static Row fieldRow(List<TierFields> tiers, String item, String path) {
        List<String> present = new ArrayList<>();
        Map<String, List<String>> byHash = new LinkedHashMap<>();
        for (TierFields tier : tiers) {
            Map<String, String> fields = tier.fields().get(item);
            String hash = fields == null ? null : fields.get(path);
            if (hash != null) {
                present.add(tier.profile());
                byHash.computeIfAbsent(hash, h -> new ArrayList<>()).add(tier.profile());
            }
        }
        List<List<String>> equal = byHash.values().stream().filter(group -> group.size() > 1).toList();
        return new Row(item + "/" + path, present, equal);
    }

    public boolean complete() {
        return tiers.stream().allMatch(TierFields::complete);
    }

    private boolean missingAnywhere(Row row) {
        return row.present().size() < tiers.size();
    }

    public List<Row> missingBags() {
        return bags.stream().filter(this::missingAnywhere).toList();
    }

    public List<Row> missingItems() {
        return items.stream().filter(this::missingAnywhere).toList();
    }

    /** Fields missing in a tier that has their item (an item missing altogether is reported as such). */
    public List<Row> missingPaths() {
        Map<String, Integer> itemPresence = new java.util.HashMap<>();
        items.forEach(row -> itemPresence.put(row.name(), row.present().size()));
        return paths.stream().filter(row -> {
            String item = row.name().substring(0, row.name().indexOf('/', row.name().indexOf('/') + 1));
            return row.present().size() < itemPresence.getOrDefault(item, 0);
        }).toList();
    }

    public List<Row> equalValues() {
        return paths.stream().filter(row -> !row.equalIn().isEmpty()).toList();
    }

    /** Whether anything is missing somewhere, or a value is equal across tiers. */
    public boolean hasFindings() {
        return !missingBags().isEmpty() || !missingItems().isEmpty() || !missingPaths().isEmpty()
                || !equalValues().isEmpty();
    }

    /** The profiles compared, in order. */
    public List<String> profiles() {
        return tiers.stream().map(TierFields::profile).toList();
    }
}
