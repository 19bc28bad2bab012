package dev.messer.estate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.messer.bulk.BulkListener;
import dev.messer.bulk.ItemPath;
import dev.messer.bulk.ParallelMap;
import dev.messer.databag.Bags;
import dev.messer.databag.FieldPath;
import dev.messer.databag.ItemService;
import dev.messer.error.MesserException;
import dev.messer.error.ThrottledException;
import dev.messer.names.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Reads one tier for {@code compare}: lists its bags (all, or those named), the item names waiting
 * in a spill file ({@link ParallelMap#forEachItem}), opens every item and keeps, for each leaf field,
 * the keyed hash of its value. The decrypted item is dropped as soon as it is hashed. The top-level
 * {@code id} is left out: it is the item's name, equal by construction.
 */
public final class FieldScanner {

    private FieldScanner() {
    }

    private record Hashed(SortedMap<String, String> fields, String problem, boolean throttled) {
    }

    /** @param onlyBags the bags to compare; empty for every bag */
    public static TierFields scan(String profile, Bags bagService, ItemService items, Set<String> onlyBags,
                                  FieldHasher hasher, int parallel, BulkListener listener) {
        SortedMap<String, SortedMap<String, String>> fields = Collections.synchronizedSortedMap(new TreeMap<>());
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        SortedSet<String> bags = ParallelMap.forEachItem(bagService, bag -> onlyBags.isEmpty() || onlyBags.contains(bag),
                parallel, "comparing " + profile, listener, path -> hash(items, path, hasher), Hashed::throttled,
                (path, hashed) -> {
                    if (hashed.problem() != null) {
                        problems.add(Names.escaped(path.bag() + "/" + path.id()) + " in " + profile + ": " + hashed.problem());
                    } else {
                        fields.put(path.bag() + "/" + path.id(), hashed.fields());
                    }
                });
        listener.finished();
        List<String> sorted = new ArrayList<>(problems);
        sorted.sort(null);
        return new TierFields(profile, bags, new TreeMap<>(fields), sorted);
    }

    private static Hashed hash(ItemService items, ItemPath path, FieldHasher hasher) {
        try {
            JsonObject json = items.open(path.bag(), path.id()).document().json();
            SortedMap<String, String> hashes = new TreeMap<>();
            for (Map.Entry<String, JsonElement> field : json.entrySet()) {
                if (!field.getKey().equals("id")) {
                    leaves(FieldPath.of(List.of(field.getKey())), field.getValue(), hasher, hashes);
                }
            }
            return new Hashed(hashes, null, false);
        } catch (ThrottledException e) {
            return new Hashed(null, e.getMessage(), true);
        } catch (MesserException e) {
            return new Hashed(null, e.getMessage(), false);
        }
    }

    /** Objects are walked into; anything else (a string, a number, an array) is one value. */
    private static void leaves(FieldPath path, JsonElement value, FieldHasher hasher, SortedMap<String, String> out) {
        if (value.isJsonObject() && !value.getAsJsonObject().isEmpty()) {
            for (Map.Entry<String, JsonElement> child : value.getAsJsonObject().entrySet()) {
                leaves(path.child(child.getKey()), child.getValue(), hasher, out);
            }
        } else {
            out.put(path.toString(), hasher.hash(value));
        }
    }
}
