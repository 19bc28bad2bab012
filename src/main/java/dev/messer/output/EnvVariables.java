package dev.messer.output;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.messer.error.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables made from the fields of one or more items, in field order. The
 * {@code id} field is left out. Every name passes the {@link VariableRules} check as it is added, so a
 * refused name stops the command before anything is printed or run. Two fields of one item that
 * map to the same name are an error naming both; so are two items giving the same name, unless
 * the later item is allowed to win ({@code --override}).
 */
public final class EnvVariables {

    private final VariableRules rules;
    private final boolean laterItemWins;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();
    private final Map<String, String> items = new LinkedHashMap<>();

    public EnvVariables(VariableRules rules, boolean laterItemWins) {
        this.rules = rules;
        this.laterItemWins = laterItemWins;
    }

    /** Strict rules, no prefix, no overriding. */
    public EnvVariables() {
        this(VariableRules.strict(), false);
    }

    /** The variables of one item, under strict rules. */
    public static EnvVariables of(DecryptedItem item) {
        return new EnvVariables().add(item);
    }

    /**
     * Adds the fields of an item.
     *
     * @throws InvalidInputException if a name is refused or taken already, or a value holds a NUL character
     */
    public EnvVariables add(DecryptedItem item) {
        JsonObject fields = item.fields();
        for (Map.Entry<String, JsonElement> field : fields.entrySet()) {
            if (field.getKey().equals("id")) {
                continue;
            }
            String name = rules.nameOf(field.getKey());
            String origin = "field '" + field.getKey() + "' of item " + item.name();
            rules.check(name, origin);
            String taken = origins.get(name);
            boolean sameItem = item.name().equals(items.get(name));
            if (taken != null && (sameItem || !laterItemWins)) {
                throw new InvalidInputException(taken + " and " + origin + " both become the variable " + name
                        + (sameItem ? "; rename one of the fields" : "; rename one of the fields, or let the later item"
                        + " win with --override"));
            }
            String value = FieldText.of(field.getValue());
            if (value.indexOf('\0') >= 0) {
                throw new InvalidInputException(origin + " holds a NUL character, which an environment variable"
                        + " cannot carry; use --format json");
            }
            origins.put(name, origin);
            items.put(name, item.name());
            values.put(name, value);
        }
        return this;
    }

    /** Name to value, in the order the fields came. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** "field 'x' of item bag/id" for a variable, for messages. */
    public String origin(String name) {
        return origins.get(name);
    }

    @Override
    public String toString() {
        return "EnvVariables" + values.keySet();
    }
}
