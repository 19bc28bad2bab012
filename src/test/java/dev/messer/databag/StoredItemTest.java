package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.error.InvalidInputException;
import dev.messer.keys.KeyRef;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoredItemTest {

    @Test
    void toBytes_writesTheFourFieldsWithAnIntegerKeyVersion() {
        StoredItem item = new StoredItem("db", "ZW52", "app", 3);
        assertThat(new String(item.toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"db\",\"encrypted_data\":\"ZW52\",\"key_name\":\"app\",\"key_version\":3}");
        assertThat(item.keyRef()).isEqualTo(new KeyRef("app", 3));
    }

    @Test
    void parse_thenToBytes_keepsAStringKeyVersionAsMesserWroteIt() {
        StoredItem item = parse("{\"id\": \"db\", \"encrypted_data\": \"ZW52\", \"key_name\": \"app\", \"key_version\": \"3\"}");
        assertThat(item.keyVersion()).isEqualTo(3);
        assertThat(JsonParser.parseString(new String(item.toBytes(), StandardCharsets.UTF_8)).getAsJsonObject()
                .get("key_version").getAsJsonPrimitive().isString()).isTrue();
    }

    @Test
    void latestKeyVersion_meansZero() {
        StoredItem item = parse("{\"id\": \"db\", \"encrypted_data\": \"ZW52\", \"key_name\": \"app\", \"key_version\": \"latest\"}");
        assertThat(item.keyRef()).isEqualTo(new KeyRef("app", 0));
    }

    @Test
    void parse_ofAPlaintextChefItem_saysOnlyEncryptedItemsAreRead() {
        assertThatThrownBy(() -> parse("{\"id\": \"db\", \"password\": \"p\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no encrypted_data field");
    }

    @Test
    void parse_ofMissingOrNonStringFields_namesTheField() {
        assertThatThrownBy(() -> parse("{\"encrypted_data\": \"x\", \"key_name\": \"app\", \"key_version\": 1}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'id'");
        assertThatThrownBy(() -> parse("{\"id\": \"db\", \"encrypted_data\": 5, \"key_name\": \"app\", \"key_version\": 1}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'encrypted_data'");
        assertThatThrownBy(() -> parse("{\"id\": \"db\", \"encrypted_data\": \"x\", \"key_version\": 1}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'key_name'");
        assertThatThrownBy(() -> parse("{\"id\": \"db\", \"encrypted_data\": \"x\", \"key_name\": \"app\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("key_version");
    }

    @Test
    void parse_ofNonJsonOrNonObjectOrBadUtf8_isInvalidInputNamingTheObject() {
        assertThatThrownBy(() -> parse("not json {")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("object x");
        assertThatThrownBy(() -> parse("[1]")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> StoredItem.parse(new byte[] {'{', (byte) 0xFF, '}'}, "object x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void idOrKeyNameOutsideTheNamingRule_isRefusedAtParse_showingItEscaped() {
        for (String field : new String[] {"id", "key_name"}) {
            JsonObject json = JsonParser.parseString("{\"id\": \"db\", \"encrypted_data\": \"ZW52\", \"key_name\": "
                    + "\"app\", \"key_version\": 1}").getAsJsonObject();
            json.addProperty(field, "x\u001b]0;OWNED\u0007\u009b2J");
            assertThatThrownBy(() -> parse(json.toString())).as(field).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("object x has " + field + " 'x\\x1b]0;OWNED\\x07\\x9b2J', which breaks the naming rule")
                    .hasMessageContaining("messer data bag history").hasMessageNotContaining("\u001b");
        }
    }

    @Test
    void encryptedDataThatIsNotBase64Text_isRefusedAtParse() {
        assertThatThrownBy(() -> parse("{\"id\": \"db\", \"encrypted_data\": \"ZW\\u009b52\", \"key_name\": \"app\", "
                + "\"key_version\": 1}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("encrypted_data that is not base64 text");
        assertThat(parse("{\"id\": \"db\", \"encrypted_data\": \"ZW52\\nZW52\", \"key_name\": \"app\", \"key_version\": 1}")
                .encryptedData()).isEqualTo("ZW52\nZW52");
    }

    @Test
    void keyVersionWithControlCharacters_isNamedEscaped() {
        assertThatThrownBy(() -> parse("{\"id\": \"db\", \"encrypted_data\": \"ZW52\", \"key_name\": \"app\", "
                + "\"key_version\": \"1\\u001b[2J\"}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'1\\x1b[2J'").hasMessageNotContaining("\u001b");
    }

    private static StoredItem parse(String text) {
        return StoredItem.parse(text.getBytes(StandardCharsets.UTF_8), "object x");
    }
}
