package dev.messer.databag;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.messer.error.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;

/**
 * A JSON parser for untrusted item documents: RFC 8259 strict, one value with nothing after it,
 * duplicate object keys rejected, nesting limited. Numbers keep their exact text.
 */
public final class StrictJson {

    public static final int MAX_DEPTH = 64;

    private StrictJson() {
    }

    /** @throws InvalidInputException naming {@code where} and the problem */
    public static JsonElement parse(String text, String where) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement value = read(reader, where, 0);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new InvalidInputException(where + " is not valid JSON: more than one value");
            }
            return value;
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(where + " is not valid JSON" + position(e));
        }
    }

    private static JsonElement read(JsonReader reader, String where, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException(where + " nests JSON deeper than " + MAX_DEPTH + " levels");
        }
        switch (reader.peek()) {
            case BEGIN_OBJECT: {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = text(reader.nextName(), where);
                    if (object.has(name)) {
                        throw new InvalidInputException(where + " has the key '" + name
                                + "' twice; each key may appear once");
                    }
                    object.add(name, read(reader, where, depth + 1));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY: {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(read(reader, where, depth + 1));
                }
                reader.endArray();
                return array;
            }
            case STRING:
                return new JsonPrimitive(text(reader.nextString(), where));
            case NUMBER:
                return new JsonPrimitive(new LazilyParsedNumber(reader.nextString()));
            case BOOLEAN:
                return new JsonPrimitive(reader.nextBoolean());
            case NULL:
                reader.nextNull();
                return JsonNull.INSTANCE;
            default:
                throw new InvalidInputException(where + " is not valid JSON");
        }
    }

    /**
     * Refuses a string with an unpaired surrogate ({@code "\ud800"}): it has no UTF-8 form, so
     * encrypting the item would silently change it.
     */
    private static String text(String value, String where) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(where + " holds the escape \\u" + Integer.toHexString(c)
                        + ", half of a surrogate pair, which is not a character; remove it or complete the pair");
            }
        }
        return value;
    }

    private static String position(Exception e) {
        String message = e.getMessage();
        if (message == null) {
            return "";
        }
        int at = message.indexOf(" at line ");
        if (at < 0) {
            return "";
        }
        int end = message.indexOf(" path ", at);
        return " (" + message.substring(at + 1, end < 0 ? message.length() : end).trim() + ")";
    }
}
