package dev.messer.databag;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.messer.crypto.KeyVersionField;
import dev.messer.error.Hint;
import dev.messer.error.InvalidInputException;
import dev.messer.keys.KeyRef;
import dev.messer.names.Names;
import java.nio.charset.StandardCharsets;

/**
 * An item as the secrets bucket holds it:
 * {@code {"id": .., "encrypted_data": .., "key_name": .., "key_version": ..}}. Holds no plaintext.
 * {@code keyVersionAsStored} keeps the {@code key_version} exactly as the file had it (Messer wrote
 * integers, strings such as {@code "3"}, and in old files {@code "latest"}), so that showing an
 * item prints what Messer prints; {@code keyVersion} is its meaning.
 *
 * <p>Whoever may write the secrets bucket chooses every one of these labels, and messages and
 * listings print them. So {@link #parse} refuses an id or key name outside the naming rule, and
 * {@code encrypted_data} that is not base64 text, before anything is shown.
 */
public record StoredItem(String id, String encryptedData, String keyName, int keyVersion,
                         JsonPrimitive keyVersionAsStored) {

    /** A new item, as this tool writes it: {@code key_version} is a JSON integer. */
    public StoredItem(String id, String encryptedData, String keyName, int keyVersion) {
        this(id, encryptedData, keyName, keyVersion, new JsonPrimitive(keyVersion));
    }

    public KeyRef keyRef() {
        return new KeyRef(keyName, keyVersion);
    }

    /** The stored JSON; an item that was read keeps its {@code key_version} as it was. */
    public byte[] toBytes() {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("encrypted_data", encryptedData);
        json.addProperty("key_name", keyName);
        json.add("key_version", keyVersionAsStored);
        return json.toString().getBytes(StandardCharsets.UTF_8);
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
        String id = label(json, "id", where);
        JsonElement data = json.get("encrypted_data");
        if (data == null) {
            throw new InvalidInputException(where + " is not encrypted (no encrypted_data field); this tool only reads encrypted items");
        }
        String encrypted = string(json, "encrypted_data", where);
        if (!BASE64_TEXT.matcher(encrypted).matches()) {
            throw new InvalidInputException(where + " has encrypted_data that is not base64 text", NOT_MESSERS);
        }
        String keyName = label(json, "key_name", where);
        int keyVersion = KeyVersionField.parse(json.get("key_version"), where);
        return new StoredItem(id, encrypted, keyName, keyVersion, json.get("key_version").getAsJsonPrimitive());
    }

    /** What the stored labels of an item written by hand or by another tool break; the fix. */
    private static final Hint NOT_MESSERS = Hint.of("it was not written by messer: roll the item back to an earlier "
            + "version ({}), or delete it", Hint.command("data bag history", "BAG", "ITEM"));

    /** Base64 as Messer and this tool write it, with the line breaks a MIME encoder adds. */
    private static final java.util.regex.Pattern BASE64_TEXT = java.util.regex.Pattern.compile("[A-Za-z0-9+/=\\r\\n]*");

    /** A string field that is a name: refused, shown escaped, when it breaks the naming rule. */
    private static String label(JsonObject json, String field, String where) {
        String value = string(json, field, where);
        if (!Names.isValid(value)) {
            throw new InvalidInputException(where + " has " + field + " '" + Names.printable(value)
                    + "', which breaks the naming rule", NOT_MESSERS);
        }
        return value;
    }

    private static String string(JsonObject json, String field, String where) {
        JsonElement value = json.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new InvalidInputException(where + " has no string field '" + field + "'");
        }
        return value.getAsString();
    }
}
