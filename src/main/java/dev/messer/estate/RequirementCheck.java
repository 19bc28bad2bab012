package dev.messer.estate;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.messer.bulk.BulkListener;
import dev.messer.bulk.ParallelMap;
import dev.messer.databag.FieldRef;
import dev.messer.databag.ItemRef;
import dev.messer.databag.ItemService;
import dev.messer.error.InvalidInputException;
import dev.messer.error.MesserException;
import dev.messer.error.NotFoundException;
import dev.messer.error.ThrottledException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deploy gate: every reference of a manifest ({@code BAG/ITEM} or {@code BAG/ITEM/PATH}, the
 * grammar of {@code render}'s placeholders) must exist and decrypt. Each item is opened once; no
 * value leaves this class.
 */
public final class RequirementCheck {

    private RequirementCheck() {
    }

    /** One reference and what was found: {@code problem} is empty when it exists and decrypts. */
    public record Result(FieldRef ref, Optional<String> problem) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    /** What one item told: why it failed as a whole, or per reference to it the missing field (null when found). */
    private record Checked(String problem, Map<FieldRef, String> missing, boolean throttled) {
    }

    /**
     * The references of a manifest: a JSON array of strings, or one reference a line (blank lines
     * and lines starting with {@code #} are skipped).
     *
     * @param where "manifest deploy.txt", for messages
     * @throws InvalidInputException naming the first entry that is not a reference
     */
    public static List<FieldRef> parseManifest(String text, String where) {
        List<String> entries = new ArrayList<>();
        String trimmed = text.strip();
        if (trimmed.startsWith("[")) {
            try {
                JsonArray array = JsonParser.parseString(trimmed).getAsJsonArray();
                for (JsonElement e : array) {
                    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                        throw new InvalidInputException(where + " holds " + e + ", not a string; list references as "
                                + "strings such as \"app/db/password\"");
                    }
                    entries.add(e.getAsString());
                }
            } catch (JsonParseException | IllegalStateException e) {
                throw new InvalidInputException(where + " starts with '[' but is not a JSON array of strings");
            }
        } else {
            trimmed.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(entries::add);
        }
        List<FieldRef> refs = new ArrayList<>();
        for (String entry : entries) {
            try {
                refs.add(FieldRef.parse(entry, false));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(where + ": " + e.getMessage());
            }
        }
        if (refs.isEmpty()) {
            throw new InvalidInputException(where + " names no reference; list BAG/ITEM or BAG/ITEM/PATH, one a line");
        }
        return refs;
    }

    public static List<Result> run(ItemService items, List<FieldRef> refs, int parallel, BulkListener listener) {
        Map<ItemRef, List<FieldRef>> byItem = new LinkedHashMap<>();
        refs.forEach(ref -> byItem.computeIfAbsent(ref.item(), i -> new ArrayList<>()).add(ref));
        Map<ItemRef, Checked> checked = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        ParallelMap.forEachRequeuing(new ArrayList<>(byItem.keySet()), parallel, "checking", listener,
                item -> check(items, item, byItem.get(item)), Checked::throttled, checked::put);
        listener.finished();
        List<Result> results = new ArrayList<>();
        for (FieldRef ref : refs) {
            Checked item = checked.get(ref.item());
            String problem = item.problem() != null ? item.problem() : item.missing().get(ref);
            results.add(new Result(ref, Optional.ofNullable(problem)));
        }
        return results;
    }

    /** Opens the item once and looks up every path named in it; the decrypted fields go out of scope here. */
    private static Checked check(ItemService items, ItemRef item, List<FieldRef> refs) {
        try {
            JsonObject fields = items.open(item.bag(), item.id()).document().json();
            Map<FieldRef, String> missing = new java.util.HashMap<>();
            for (FieldRef ref : refs) {
                if (ref.path().isPresent() && ref.path().get().get(fields).isEmpty()) {
                    missing.put(ref, "item " + item + " has no field '" + ref.path().get() + "'");
                }
            }
            return new Checked(null, missing, false);
        } catch (NotFoundException e) {
            return new Checked(e.problem(), Map.of(), false);
        } catch (ThrottledException e) {
            return new Checked(e.problem(), Map.of(), true);
        } catch (MesserException e) {
            return new Checked("does not decrypt: " + e.problem(), Map.of(), false);
        }
    }
}
