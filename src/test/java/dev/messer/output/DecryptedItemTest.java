package dev.messer.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.databag.ItemDocument;
import dev.messer.databag.StoredItem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Messer's decrypted view: what {@code show --decrypt} prints. */
class DecryptedItemTest {

    private static StoredItem parse(String json) {
        return StoredItem.parse(json.getBytes(StandardCharsets.UTF_8), "test");
    }

    @Test
    void view_isTheStoredLabelsThenTheFields_withoutTheEncryptedData() {
        ItemDocument document = ItemDocument.parse("{\"id\": \"db\", \"password\": \"hunter2\"}"
                .getBytes(StandardCharsets.UTF_8), "test");
        DecryptedItem item = DecryptedItem.of("payments/db", new StoredItem("db", "ZW52", "app", 3), document);

        assertThat(item.view()).isEqualTo(JsonParser.parseString(
                "{\"id\": \"db\", \"key_name\": \"app\", \"key_version\": 3, \"password\": \"hunter2\"}"));
        assertThat(item.view().keySet()).containsExactly("id", "key_name", "key_version", "password");
        assertThat(item.fields()).isEqualTo(document.json());
        assertThat(item.toString()).doesNotContain("hunter2");
    }

    @Test
    void aStringKeyVersion_isShownAsMesserWroteIt() {
        StoredItem stored = parse("{\"id\": \"db\", \"encrypted_data\": \"ZW52\", \"key_name\": \"app\", \"key_version\": \"3\"}");
        assertThat(DecryptedItem.messerView(stored, new JsonObject()).get("key_version").getAsString()).isEqualTo("3");
        assertThat(DecryptedItem.messerView(stored, new JsonObject()).get("key_version").getAsJsonPrimitive().isString())
                .isTrue();
    }

    @Test
    void latestKeyVersion_isShownAsZeroLikeMesser() {
        StoredItem stored = parse("{\"id\": \"db\", \"encrypted_data\": \"ZW52\", \"key_name\": \"app\", \"key_version\": \"latest\"}");
        JsonObject view = DecryptedItem.messerView(stored, new JsonObject());
        assertThat(view.get("key_version").getAsJsonPrimitive().isNumber()).isTrue();
        assertThat(view.get("key_version").getAsInt()).isZero();
    }

    @Test
    void anItemFieldNamedLikeALabel_replacesItsValueInPlace() {
        JsonObject fields = JsonParser.parseString("{\"id\": \"db\", \"key_name\": \"mine\", \"x\": 1}").getAsJsonObject();
        JsonObject view = DecryptedItem.messerView(new StoredItem("db", "ZW52", "app", 3), fields);
        assertThat(view.keySet()).containsExactly("id", "key_name", "key_version", "x");
        assertThat(view.get("key_name").getAsString()).isEqualTo("mine");
    }
}
