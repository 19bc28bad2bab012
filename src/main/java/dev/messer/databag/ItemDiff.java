package dev.messer.databag;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The field-by-field difference between two items, by {@link FieldPath}: nested objects are
 * compared field by field, everything else (strings, numbers, arrays, an empty object) as one
 * value, by its JSON text: numbers keep the text they were written with, so {@code 1} and
 * {@code 1.0} differ, as do two long numbers that one double cannot tell apart. Holds the values so that a caller may reveal the changed ones; {@code toString()} never
 * shows them.
 */
public final class ItemDiff {

    /** What happened to one field. */
    public enum Kind {
        ADDED('+'), REMOVED('-'), CHANGED('~');

        private final char sign;

        Kind(char sign) {
            this.sign = sign;
        }

        public char sign() {
            return sign;
        }
    }

    /** One field that differs; {@code before} is null when added, {@code after} when removed. */
    public record Change(Kind kind, FieldPath path, JsonElement before, JsonElement after) {
        @Override
        public String toString() {
            return kind.sign() + " " + path;
        }
    }

    private final List<Change> changes;

    private ItemDiff(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    /** What changed from {@code before} to {@code after}, sorted by path. */
    public static ItemDiff between(JsonObject before, JsonObject after) {
        Map<FieldPath, JsonElement> old = leaves(before);
        Map<FieldPath, JsonElement> now = leaves(after);
        TreeMap<FieldPath, Change> changes = new TreeMap<>();
        old.forEach((path, value) -> {
            JsonElement next = now.get(path);
            if (next == null) {
                changes.put(path, new Change(Kind.REMOVED, path, value, null));
            } else if (!next.toString().equals(value.toString())) {
                changes.put(path, new Change(Kind.CHANGED, path, value, next));
            }
        });
        now.forEach((path, value) -> {
            if (!old.containsKey(path)) {
                changes.put(path, new Change(Kind.ADDED, path, null, value));
            }
        });
        return new ItemDiff(new ArrayList<>(changes.values()));
    }

    public List<Change> changes() {
        return changes;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private static Map<FieldPath, JsonElement> leaves(JsonObject root) {
        Map<FieldPath, JsonElement> out = new TreeMap<>();
        collect(root, null, out);
        return out;
    }

    private static void collect(JsonObject object, FieldPath at, Map<FieldPath, JsonElement> out) {
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            FieldPath path = at == null ? FieldPath.of(List.of(entry.getKey())) : at.child(entry.getKey());
            JsonElement value = entry.getValue();
            if (value.isJsonObject() && value.getAsJsonObject().size() > 0) {
                collect(value.getAsJsonObject(), path, out);
            } else {
                out.put(path, value);
            }
        }
    }

    @Override
    public String toString() {
        return "ItemDiff" + changes;
    }
}
