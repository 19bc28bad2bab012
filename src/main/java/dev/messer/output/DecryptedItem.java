package dev.messer.output;

import com.google.gson.JsonObject;

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

    @Override
    public String toString() {
        return "DecryptedItem[" + name + "]";
    }
}
