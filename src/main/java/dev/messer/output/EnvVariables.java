package dev.messer.output;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.messer.error.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables made from the fields of one or more items, in field order. The
 * {@code id} field is left out. Two fields that map to the same name (in one item or in two) are an
 * error naming both: nothing is silently overridden.
 */
public final class EnvVariables {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();

    /** The variables of one item. */
    public static EnvVariables of(DecryptedItem item) {
        EnvVariables variables = new EnvVariables();
        variables.add(item);
        return variables;
    }

    /**
     * Adds the fields of an item.
     *
     * @throws InvalidInputException if a name is taken already, or a value holds a NUL character
     */
    public EnvVariables add(DecryptedItem item) {
        JsonObject fields = item.fields();
        for (Map.Entry<String, JsonElement> field : fields.entrySet()) {
            if (field.getKey().equals("id")) {
                continue;
            }
            String name = EnvNames.of(field.getKey());
            String origin = "field '" + field.getKey() + "' of item " + item.name();
            String taken = origins.get(name);
            if (taken != null) {
                throw new InvalidInputException(taken + " and " + origin + " both become the variable " + name
                        + "; rename one of the fields");
            }
            String value = FieldText.of(field.getValue());
            if (value.indexOf('\0') >= 0) {
                throw new InvalidInputException(origin + " holds a NUL character, which an environment variable"
                        + " cannot carry; use --format json");
            }
            origins.put(name, origin);
            values.put(name, value);
        }
        return this;
    }

    /** Name to value, in the order the fields came. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return "EnvVariables" + values.keySet();
    }
}
