package dev.messer.crypto;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.messer.error.InvalidInputException;
import dev.messer.names.Names;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The wire form of an {@link Envelope}: standard base64 of a JSON object with the fields
 * {@code iv, encrypted_secret, tag, key_name, key_version, version} (docs/format.md).
 */
public final class EnvelopeCodec {

    private EnvelopeCodec() {
    }

    public static String encode(Envelope envelope) {
        Base64.Encoder b64 = Base64.getEncoder();
        JsonObject json = new JsonObject();
        json.addProperty("iv", b64.encodeToString(envelope.nonce()));
        json.addProperty("encrypted_secret", b64.encodeToString(envelope.ciphertext()));
        json.addProperty("tag", b64.encodeToString(envelope.tag()));
        json.addProperty("key_name", envelope.keyName());
        json.addProperty("key_version", envelope.keyVersion());
        json.addProperty("version", envelope.version().wire());
        return b64.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws InvalidInputException if the text is not a well-formed envelope of version 1 or 2, or
     *                               names a key outside the naming rule (the message shows it escaped)
     */
    public static Envelope decode(String encoded) {
        JsonObject json;
        try {
            byte[] raw = Base64.getMimeDecoder().decode(encoded.trim());
            JsonElement parsed = JsonParser.parseString(new String(raw, StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                throw malformed("not a JSON object");
            }
            json = parsed.getAsJsonObject();
        } catch (IllegalArgumentException | JsonParseException | StackOverflowError e) {
            throw malformed("not base64 of a JSON object");
        }
        EnvelopeVersion version = EnvelopeVersion.fromWire(text(json, "version"));
        String keyName = text(json, "key_name");
        if (!Names.isValid(keyName)) {
            throw malformed("key_name '" + Names.printable(keyName) + "' breaks the naming rule");
        }
        return new Envelope(version, bytes(json, "iv"), bytes(json, "encrypted_secret"), bytes(json, "tag"),
                keyName, KeyVersionField.parse(json.get("key_version"), "envelope"));
    }

    private static String text(JsonObject json, String field) {
        JsonElement value = json.get(field);
        if (value == null || value.isJsonNull()) {
            throw malformed("field '" + field + "' is missing");
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw malformed("field '" + field + "' is not a string");
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        return primitive.getAsString();
    }

    private static byte[] bytes(JsonObject json, String field) {
        try {
            return Base64.getDecoder().decode(text(json, field));
        } catch (IllegalArgumentException e) {
            throw malformed("field '" + field + "' is not base64");
        }
    }

    private static InvalidInputException malformed(String why) {
        return new InvalidInputException("encrypted_data is not a valid envelope: " + why);
    }
}
