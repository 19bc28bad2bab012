package dev.messer.output;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.messer.databag.ItemDocument;
import dev.messer.databag.StoredItem;
import java.util.Map;

/**
 * A decrypted item ready for output: Messer's view (the stored {@code id}, {@code key_name} and
 * {@code key_version}, then the decrypted fields) and the decrypted fields alone. Never printed by
 * {@code toString()}.
 *
 * @param name   {@code bag/id}, for messages
 * @param view   what {@code show --decrypt} prints as JSON
 * @param fields the decrypted document (including {@code id})
 */
public record DecryptedItem(String name, JsonObject view, JsonObject fields) {

    /** The item {@code stored} decrypts to {@code document}. */
    public static DecryptedItem of(String name, StoredItem stored, ItemDocument document) {
        return new DecryptedItem(name, messerView(stored, document.json()), document.json());
    }

    /**
     * Messer's {@code show --decrypt} view: the stored {@code id}, {@code key_name} and
     * {@code key_version} (as stored, except {@code "latest"}, which Messer shows as {@code 0}), then
     * the item's fields; an item field of one of those names replaces its value in place.
     */
    public static JsonObject messerView(StoredItem stored, JsonObject fields) {
        JsonObject view = new JsonObject();
        view.addProperty("id", stored.id());
        view.addProperty("key_name", stored.keyName());
        JsonPrimitive version = stored.keyVersionAsStored();
        boolean latest = version.isString() && version.getAsString().equals("latest");
        view.add("key_version", latest ? new JsonPrimitive(0) : version);
        for (Map.Entry<String, JsonElement> entry : fields.entrySet()) {
            view.add(entry.getKey(), entry.getValue());
        }
        return view;
    }

    @Override
    public String toString() {
        return "DecryptedItem[" + name + "]";
    }
}
