package dev.messer.crypto;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import dev.messer.error.InvalidInputException;
import dev.messer.names.KeyVersionNumber;
import dev.messer.names.Names;
import java.util.OptionalInt;

/**
 * Reads a {@code key_version} field as Messer wrote it: an integer, a string holding an integer, or
 * the string {@code "latest"}, which old Messer files used to mean version 0. The number follows
 * {@link KeyVersionNumber}.
 */
public final class KeyVersionField {

    private KeyVersionField() {
    }

    public static int parse(JsonElement element, String where) {
        if (element == null || !element.isJsonPrimitive()) {
            throw new InvalidInputException(where + " has no key_version");
        }
        JsonPrimitive value = element.getAsJsonPrimitive();
        String text = value.getAsString().trim();
        if (value.isString() && text.equals("latest")) {
            return 0;
        }
        OptionalInt version = KeyVersionNumber.parseLabel(text);
        if (version.isEmpty()) {
            throw new InvalidInputException(where + " has key_version '" + Names.printable(text)
                    + "', which is not a version number (0 to " + KeyVersionNumber.MAX + ")");
        }
        return version.getAsInt();
    }
}
