package dev.messer.bulk;

import dev.messer.databag.Bags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The bags and items in scope of a bulk run: everything under the profile's tier/folder prefix. */
public record Inventory(SortedMap<String, List<String>> bags) {

    /** One listing of the prefix (paged through by the store, so any number of items). */
    public static Inventory of(Bags bags) {
        return new Inventory(bags.listAllItems());
    }

    public List<ItemPath> items() {
        List<ItemPath> items = new ArrayList<>();
        for (Map.Entry<String, List<String>> bag : bags.entrySet()) {
            for (String id : bag.getValue()) {
                items.add(new ItemPath(bag.getKey(), id));
            }
        }
        return items;
    }
}
