package dev.messer.output;

import com.google.gson.JsonElement;
import dev.messer.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java properties, as {@link java.util.Properties#load} reads them (from a reader or an ISO-8859-1
 * stream): one {@code key=value} line per field, keys as the fields are named, every character
 * outside printable ASCII written as {@code \\uXXXX}. The {@code id} field is left out. Fields of
 * several items are merged; a key given by two items is an error naming both, unless the later
 * item may win. No shell reads this format, so the refused variable names do not apply; the
 * profile's allow-list does, by the variable name of each key ({@code db.host} as {@code DB_HOST}),
 * because the program that loads the file takes its settings from it.
 */
final class PropertiesFormatter {

    private PropertiesFormatter() {
    }

    static String render(List<DecryptedItem> items, VariableRules rules, boolean laterItemWins) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (DecryptedItem item : items) {
            for (Map.Entry<String, JsonElement> field : item.fields().entrySet()) {
                String key = field.getKey();
                if (key.equals("id")) {
                    continue;
                }
                rules.checkListed(rules.nameOf(key), "field '" + key + "' of item " + item.name());
                String taken = origins.get(key);
                if (taken != null && !laterItemWins) {
                    throw new InvalidInputException("items " + taken + " and " + item.name() + " both have the field '"
                            + key + "'; rename one of the fields, or let the later item win with --override");
                }
                origins.put(key, item.name());
                values.put(key, FieldText.of(field.getValue()));
            }
        }
        StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(escape(key, true)).append('=').append(escape(value, false))
                .append('\n'));
        return text.toString();
    }

    static String escape(String value, boolean key) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '=', ':', '#', '!' -> out.append('\\').append(c);
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
