package dev.messer.aws.policy;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;

/** Reads the fields of IAM policy JSON that may hold one string or a list of them ("Action", "Resource", ...). */
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
}
