package dev.messer.output;

import com.google.gson.JsonElement;
import java.util.Map;

/**
 * Java properties, as {@link java.util.Properties#load} reads them (from a reader or an ISO-8859-1
 * stream): one {@code key=value} line per field, keys as the fields are named, every character
 * outside printable ASCII written as {@code \\uXXXX}. The {@code id} field is left out.
 */
final class PropertiesFormatter implements ItemFormatter {

    @Override
    public String render(DecryptedItem item) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, JsonElement> field : item.fields().entrySet()) {
            if (field.getKey().equals("id")) {
                continue;
            }
            text.append(escape(field.getKey(), true)).append('=')
                    .append(escape(FieldText.of(field.getValue()), false)).append('\n');
        }
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
