package dev.messer.databag;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.messer.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A field inside an item, named as a JSON Pointer (RFC 6901) without its leading slash:
 * {@code password} is a top-level field, {@code db/password} a nested one, and {@code ~1} and
 * {@code ~0} stand for {@code /} and {@code ~} inside a name. A dot is an ordinary character.
 */
public final class FieldPath implements Comparable<FieldPath> {

    private final List<String> tokens;

    private FieldPath(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    /** @throws InvalidInputException for an empty path, an empty name, or a {@code ~} not followed by 0 or 1 */
    public static FieldPath parse(String text) {
        if (text.isEmpty()) {
            throw new InvalidInputException("a field path cannot be empty; name a field such as 'password' or 'db/password'");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : text.split("/", -1)) {
            if (raw.isEmpty()) {
                throw new InvalidInputException("field path '" + text + "' has an empty name; write names separated by "
                        + "single '/' without a leading or trailing one (a '/' inside a name is written ~1)");
            }
            tokens.add(unescape(raw, text));
        }
        return new FieldPath(tokens);
    }

    /** The path of a field named by these names, from the top. */
    public static FieldPath of(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a field path has at least one name");
        }
        return new FieldPath(names);
    }

    public List<String> names() {
        return tokens;
    }

    /** Whether this is the item's top-level {@code id}. */
    public boolean isId() {
        return tokens.size() == 1 && tokens.get(0).equals("id");
    }

    public FieldPath child(String name) {
        List<String> longer = new ArrayList<>(tokens);
        longer.add(name);
        return new FieldPath(longer);
    }

    /**
     * The value at this path, if every step exists: a name in an object, or an index (0, 1, ...)
     * in an array.
     */
    public Optional<JsonElement> get(JsonObject root) {
        JsonElement at = root;
        for (String name : tokens) {
            if (at.isJsonObject() && at.getAsJsonObject().has(name)) {
                at = at.getAsJsonObject().get(name);
            } else if (at.isJsonArray() && name.matches("0|[1-9][0-9]{0,8}")
                    && Integer.parseInt(name) < at.getAsJsonArray().size()) {
                at = at.getAsJsonArray().get(Integer.parseInt(name));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(at);
    }

    /**
     * Sets the value, creating the objects on the way that are missing.
     *
     * @throws InvalidInputException if a step on the way holds something other than an object
     */
    public void set(JsonObject root, JsonElement value) {
        parent(root, true).add(last(), value);
    }

    /** Removes the field. @return false if there was no such field */
    public boolean remove(JsonObject root) {
        JsonObject parent = parent(root, false);
        return parent != null && parent.remove(last()) != null;
    }

    private JsonObject parent(JsonObject root, boolean create) {
        JsonObject at = root;
        for (int i = 0; i < tokens.size() - 1; i++) {
            String name = tokens.get(i);
            JsonElement next = at.get(name);
            if (next == null || next.isJsonNull()) {
                if (!create) {
                    return null;
                }
                next = new JsonObject();
                at.add(name, next);
            } else if (!next.isJsonObject()) {
                if (!create) {
                    return null;
                }
                throw new InvalidInputException("field '" + FieldPath.of(tokens.subList(0, i + 1))
                        + "' is not an object, so it cannot hold '" + this + "'; unset it first or choose another path");
            }
            at = next.getAsJsonObject();
        }
        return at;
    }

    private String last() {
        return tokens.get(tokens.size() - 1);
    }

    private static String unescape(String raw, String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '~') {
                out.append(c);
                continue;
            }
            char next = i + 1 < raw.length() ? raw.charAt(i + 1) : ' ';
            if (next == '0') {
                out.append('~');
            } else if (next == '1') {
                out.append('/');
            } else {
                throw new InvalidInputException("field path '" + text + "' has a '~' that is not ~0 or ~1; write ~0 for '~' "
                        + "and ~1 for '/' inside a name");
            }
            i++;
        }
        return out.toString();
    }

    /** The path as typed: names escaped and joined by {@code /}. */
    @Override
    public String toString() {
        List<String> escaped = new ArrayList<>();
        for (String name : tokens) {
            escaped.add(name.replace("~", "~0").replace("/", "~1"));
        }
        return String.join("/", escaped);
    }

    @Override
    public int compareTo(FieldPath other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldPath other && tokens.equals(other.tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }
}
