package dev.messer.aws.policy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the fields of IAM policy JSON: fields that may hold one string or a list of them
 * ("Action", "Resource", ...), and conditions.
 */
public final class PolicyValues {

    private PolicyValues() {
    }

    /** The strings of a field that holds one string, a list of strings, or nothing. */
    public static List<String> strings(JsonElement element) {
        List<String> values = new ArrayList<>();
        if (element == null || element.isJsonNull()) {
            return values;
        }
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> values.add(e.getAsString()));
        } else {
            values.add(element.getAsString());
        }
        return values;
    }

    /** A list of strings as a JSON array. */
    static JsonArray array(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    /** {@code {"OPERATOR": {"KEY": [values...]}}}. */
    static JsonObject condition(String operator, String key, List<String> values) {
        return condition(operator, key, array(values));
    }

    /** {@code {"OPERATOR": {"KEY": "value"}}}. */
    static JsonObject condition(String operator, String key, String value) {
        return condition(operator, key, new JsonPrimitive(value));
    }

    private static JsonObject condition(String operator, String key, JsonElement value) {
        JsonObject test = new JsonObject();
        test.add(key, value);
        JsonObject condition = new JsonObject();
        condition.add(operator, test);
        return condition;
    }
}
