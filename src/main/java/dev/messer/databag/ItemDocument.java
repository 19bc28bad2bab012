package dev.messer.databag;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.messer.error.InvalidInputException;
import dev.messer.names.Names;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A plaintext data bag item: a JSON object with a string {@code id} that is a valid name. Built
 * from untrusted bytes by {@link #parse}; never printed by {@code toString()}.
 */
public final class ItemDocument {

    /**
     * The names {@code show --decrypt} gives to the stored item's key, before the item's own fields
     * (Messer's view): a field of the same name would replace them there, so writes refuse it.
     */
    public static final List<String> METADATA_FIELDS = List.of("key_name", "key_version");

    /** Items are small documents; a larger file is almost certainly the wrong file. */
    public static final int MAX_BYTES = 1024 * 1024;

    private final JsonObject json;
    private final String id;

    private ItemDocument(JsonObject json, String id) {
        this.json = json;
        this.id = id;
    }

    /**
     * @param where names the source in messages ("item file db.json", "standard input")
     * @throws InvalidInputException with a message that names the source and the fix
     */
    public static ItemDocument parse(byte[] content, String where) {
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException(where + " is " + content.length + " bytes; items are limited to "
                    + MAX_BYTES + " bytes");
        }
        String text = StrictUtf8.decode(content, where);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        JsonElement parsed = StrictJson.parse(text, where);
        if (!parsed.isJsonObject()) {
            throw new InvalidInputException(where + " must hold a JSON object like {\"id\": \"name\", ...}");
        }
        return of(parsed.getAsJsonObject(), where);
    }

    /** Validates an already parsed object (decrypted items, edits). */
    public static ItemDocument of(JsonObject json, String where) {
        JsonElement id = json.get("id");
        if (id == null || id.isJsonNull()) {
            throw new InvalidInputException(where + " has no \"id\" field; add \"id\": \"<item name>\"");
        }
        if (!id.isJsonPrimitive() || !id.getAsJsonPrimitive().isString()) {
            throw new InvalidInputException(where + " has an \"id\" that is not a string; write it in quotes");
        }
        String value = id.getAsString();
        if (value.isBlank()) {
            throw new InvalidInputException(where + " has a blank \"id\"; give the item a name");
        }
        try {
            Names.check("item id", value);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ": " + e.getMessage());
        }
        return new ItemDocument(json.deepCopy(), value);
    }

    /**
     * What a user writes (uploads, edits, set) must not carry a field named as messer's metadata.
     *
     * @throws InvalidInputException naming the field and the fix
     */
    public ItemDocument refuseMetadataFields(String where) {
        for (String name : METADATA_FIELDS) {
            if (json.has(name)) {
                throw metadataField(where, name);
            }
        }
        return this;
    }

    /** The error for a user's field named {@code name}, one of {@link #METADATA_FIELDS}. */
    public static InvalidInputException metadataField(String where, String name) {
        return new InvalidInputException(where + " has a field \"" + name + "\", which show --decrypt prints from "
                + "the item's key and would hide; remove or rename the field (the key is chosen with --secret-file)");
    }

    public String id() {
        return id;
    }

    public JsonObject json() {
        return json.deepCopy();
    }

    /** The UTF-8 JSON that is encrypted. The caller should wipe the array when done. */
    public byte[] toPlaintext() {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether {@code other} would be sealed as exactly the same bytes ({@link #toPlaintext}): the same
     * fields in the same order, each value written the same way. Numbers compare by their text, so
     * {@code 1}, {@code 1.0} and {@code 1e0} differ, as do two long numbers that one double holds.
     */
    public boolean sealsAs(ItemDocument other) {
        byte[] mine = toPlaintext();
        byte[] theirs = other.toPlaintext();
        try {
            return Arrays.equals(mine, theirs);
        } finally {
            Arrays.fill(mine, (byte) 0);
            Arrays.fill(theirs, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "ItemDocument[id=" + id + "]";
    }
}
