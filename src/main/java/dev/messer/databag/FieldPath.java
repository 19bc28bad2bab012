package dev.messer.databag;

import dev.messer.names.Names;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A field inside an item, named as a JSON Pointer (RFC 6901) without its leading slash:
 * {@code password}, {@code db/password}, {@code hosts/0}; {@code ~1} stands for {@code /} and
 * {@code ~0} for {@code ~} inside a name.
 */
public final class FieldPath {

    private final String text;
    private final List<String> tokens;

    private FieldPath(String text, List<String> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /** @throws Names.InvalidNameException for an empty path or a {@code ~} not followed by 0 or 1 */
    public static FieldPath parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new Names.InvalidNameException("a field path is empty; name a field, for example password or db/password");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : text.split("/", -1)) {
            if (raw.matches(".*~(?![01]).*")) {
                throw new Names.InvalidNameException("field path '" + text + "' has a '~' that is not ~0 or ~1");
            }
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return new FieldPath(text, Collections.unmodifiableList(tokens));
    }

    /** The value at this path, if every step exists. */
    public Optional<JsonElement> find(JsonObject document) {
        JsonElement at = document;
        for (String token : tokens) {
            if (at instanceof JsonObject object && object.has(token)) {
                at = object.get(token);
            } else if (at instanceof JsonArray array && token.matches("0|[1-9][0-9]{0,8}")
                    && Integer.parseInt(token) < array.size()) {
                at = array.get(Integer.parseInt(token));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(at);
    }

    @Override
    public String toString() {
        return text;
    }
}
