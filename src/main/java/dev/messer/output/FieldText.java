package dev.messer.output;

import com.google.gson.JsonElement;

/** The text of one field value: a string as it is, null as empty, anything else as compact JSON. */
public final class FieldText {

    private FieldText() {
    }

    public static String of(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "";
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return value.getAsString();
        }
        if (value.isJsonPrimitive()) {
            return value.getAsJsonPrimitive().toString();
        }
        return value.toString();
    }
}
