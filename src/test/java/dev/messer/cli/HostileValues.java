package dev.messer.cli;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Field values that break naive quoting: quotes, newlines, $, backticks, backslashes, Unicode, empty. */
final class HostileValues {

    private HostileValues() {
    }

    /** Field name to value; the names are already valid environment variable names. */
    static Map<String, String> all() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("SINGLE", "it's a 'quote'");
        values.put("DOUBLE", "say \"hi\" \\\"there\\\"");
        values.put("NEWLINES", "line one\nline two\r\nlast\n");
        values.put("DOLLAR", "$HOME ${HOME} $(id) $((1+1)) $1 $$");
        values.put("BACKTICK", "`id` and `echo pwned`");
        values.put("BACKSLASH", "C:\\path\\n\\t \\\\ \\' \\\" end\\.");
        values.put("UNICODE", "grüße 日本語 😀 \u00a0nbsp");
        values.put("EMPTY", "");
        values.put("SPACES", "  padded  ");
        values.put("PUNCT", "a=b#c!d:e;f&g|h<i>j*k?l[m]n~o{p}q%r^s");
        values.put("TAB", "\tx\t");
        values.put("HASH_START", "#not a comment");
        return values;
    }

    /** An item {@code {"id": id, ...all()}} as JSON text. */
    static String itemJson(String id) {
        JsonObject item = new JsonObject();
        item.addProperty("id", id);
        all().forEach(item::addProperty);
        return item.toString();
    }
}
