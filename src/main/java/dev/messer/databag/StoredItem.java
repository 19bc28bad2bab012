package dev.messer.databag;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.messer.crypto.KeyVersionField;
import dev.messer.error.InvalidInputException;
import dev.messer.keys.KeyRef;
import java.nio.charset.StandardCharsets;

/**
 * An item as the secrets bucket holds it:
 * {@code {"id": .., "encrypted_data": .., "key_name": .., "key_version": ..}}. Holds no plaintext.
 */
public record StoredItem(String id, String encryptedData, String keyName, int keyVersion) {

    public KeyRef keyRef() {
        return new KeyRef(keyName, keyVersion);
    }

    public byte[] toBytes() {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("encrypted_data", encryptedData);
        json.addProperty("key_name", keyName);
        json.addProperty("key_version", keyVersion);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The stored fields other than {@code encrypted_data}, in Messer's order, for display. */
    public JsonObject publicFields() {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("key_name", keyName);
        json.addProperty("key_version", keyVersion);
        return json;
    }

    /**
     * Parses a stored object. {@code where} names it in messages.
     *
     * @throws InvalidInputException if it is not a stored item
     */
    public static StoredItem parse(byte[] content, String where) {
        JsonObject json;
        try {
            JsonElement parsed = JsonParser.parseString(StrictUtf8.decode(content, where));
            if (!parsed.isJsonObject()) {
                throw new InvalidInputException(where + " is not a stored data bag item (not a JSON object)");
            }
            json = parsed.getAsJsonObject();
        } catch (JsonParseException | StackOverflowError e) {
            throw new InvalidInputException(where + " is not a stored data bag item (not JSON)");
        }
        String id = string(json, "id", where);
        JsonElement data = json.get("encrypted_data");
        if (data == null) {
            throw new InvalidInputException(where + " is not encrypted (no encrypted_data field); this tool only reads encrypted items");
        }
        String encrypted = string(json, "encrypted_data", where);
        String keyName = string(json, "key_name", where);
        int keyVersion = KeyVersionField.parse(json.get("key_version"), where);
        return new StoredItem(id, encrypted, keyName, keyVersion);
    }

    private static String string(JsonObject json, String field, String where) {
        JsonElement value = json.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new InvalidInputException(where + " has no string field '" + field + "'");
        }
        return value.getAsString();
    }
}
