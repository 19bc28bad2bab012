package dev.messer.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class EnvVariablesTest {

    private static DecryptedItem item(String name, String json) {
        JsonObject fields = JsonParser.parseString(json).getAsJsonObject();
        return new DecryptedItem(name, fields, fields);
    }

    @Test
    void values_areStringsRawNestedAsCompactJsonNullAsEmpty_andIdIsLeftOut() {
        var map = EnvVariables.of(item("app/db", "{\"id\":\"db\",\"user\":\"u\",\"port\":5432,\"tls\":true,"
                + "\"opts\":{\"a\":[1,\"x\"]},\"none\":null}")).asMap();
        assertThat(map).containsExactly(
                java.util.Map.entry("USER", "u"), java.util.Map.entry("PORT", "5432"),
                java.util.Map.entry("TLS", "true"), java.util.Map.entry("OPTS", "{\"a\":[1,\"x\"]}"),
                java.util.Map.entry("NONE", ""));
    }

    @Test
    void twoFieldsOfOneItemWithTheSameName_failNamingBoth() {
        assertThatThrownBy(() -> EnvVariables.of(item("app/db", "{\"id\":\"db\",\"db.host\":\"a\",\"db-host\":\"b\"}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'db.host'").hasMessageContaining("'db-host'").hasMessageContaining("DB_HOST");
    }

    @Test
    void sameNameInTwoItems_failsNamingBothItems() {
        EnvVariables variables = EnvVariables.of(item("app/db", "{\"id\":\"db\",\"password\":\"a\"}"));
        assertThatThrownBy(() -> variables.add(item("app/web", "{\"id\":\"web\",\"PASSWORD\":\"b\"}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("item app/db").hasMessageContaining("item app/web");
    }

    @Test
    void nulCharacterInValue_fails() {
        assertThatThrownBy(() -> EnvVariables.of(item("app/db", "{\"id\":\"db\",\"x\":\"a\\u0000b\"}")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("NUL");
    }

    @Test
    void toString_namesVariablesWithoutValues() {
        assertThat(EnvVariables.of(item("app/db", "{\"id\":\"db\",\"password\":\"s3cret\"}")).toString())
                .contains("PASSWORD").doesNotContain("s3cret");
    }
}
