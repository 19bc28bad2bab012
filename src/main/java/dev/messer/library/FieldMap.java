package dev.messer.library;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An item's fields flattened to field paths, as properties are named: {@code db.password} for a
 * field of an object, {@code db.hosts[0]} for an element of an array. The {@code id} field and JSON
 * nulls are left out; numbers and booleans are written as JSON writes them.
 */
final class FieldMap {

    private FieldMap() {
    }

    static Map<String, String> of(JsonObject item) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> field : item.entrySet()) {
            if (!field.getKey().equals("id")) {
                add(fields, field.getKey(), field.getValue());
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    private static void add(Map<String, String> fields, String path, JsonElement value) {
        if (value.isJsonObject()) {
            for (Map.Entry<String, JsonElement> field : value.getAsJsonObject().entrySet()) {
                add(fields, path + "." + field.getKey(), field.getValue());
            }
        } else if (value.isJsonArray()) {
            JsonArray array = value.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                add(fields, path + "[" + i + "]", array.get(i));
            }
        } else if (value.isJsonPrimitive()) {
            fields.put(path, value.getAsString());
        }
    }
}
