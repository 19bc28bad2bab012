package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import dev.messer.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    @Test
    void parsesAnObjectKeepingNumbersExactly() {
        JsonElement value = StrictJson.parse("{\"a\": 1.50, \"b\": [true, null, \"x\"], \"big\": 12345678901234567890}", "f");
        assertThat(value.getAsJsonObject().get("a").toString()).isEqualTo("1.50");
        assertThat(value.getAsJsonObject().get("big").toString()).isEqualTo("12345678901234567890");
        assertThat(value.getAsJsonObject().getAsJsonArray("b")).hasSize(3);
    }

    @Test
    void duplicateKey_isRefusedNamingIt() {
        assertThatThrownBy(() -> StrictJson.parse("{\"id\": \"a\", \"id\": \"b\"}", "item file x.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("item file x.json has the key 'id' twice; each key may appear once");
    }

    @Test
    void duplicateKeyInANestedObject_isRefused() {
        assertThatThrownBy(() -> StrictJson.parse("{\"a\": {\"k\": 1, \"k\": 2}}", "f"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'k' twice");
    }

    @Test
    void nestingDeeperThanTheLimit_isRefused() {
        String ok = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
        assertThat(StrictJson.parse(ok, "f").isJsonArray()).isTrue();
        String deep = "[".repeat(StrictJson.MAX_DEPTH + 2) + "]".repeat(StrictJson.MAX_DEPTH + 2);
        assertThatThrownBy(() -> StrictJson.parse(deep, "f"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("deeper than 64");
        String hostile = "{\"a\":".repeat(100_000);
        assertThatThrownBy(() -> StrictJson.parse(hostile, "f")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void trailingContent_isRefused() {
        assertThatThrownBy(() -> StrictJson.parse("{} {}", "f"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void lenientSyntax_isRefused() {
        for (String text : new String[] {"{a: 1}", "{'a': 1}", "{\"a\": 1,}", "[1,]", "{\"a\": NaN}", "// c\n{}", ""}) {
            assertThatThrownBy(() -> StrictJson.parse(text, "f")).as(text)
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("f ");
        }
    }

    @Test
    void syntaxError_messageGivesThePosition() {
        assertThatThrownBy(() -> StrictJson.parse("{\n\"a\": tru}", "f"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2");
    }
    @Test
    void loneSurrogateEscape_isRefused_becauseItHasNoUtf8Form() {
        assertThatThrownBy(() -> StrictJson.parse("{\"id\": \"a\\ud800b\"}", "f"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("\\ud800");
        assertThatThrownBy(() -> StrictJson.parse("{\"\\udc00\": 1}", "f")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> StrictJson.parse("[\"\\ud83d\"]", "f")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void escapedSurrogatePair_isOneCharacterAndAccepted() {
        assertThat(StrictJson.parse("[\"\\ud83d\\udd11\"]", "f").getAsJsonArray().get(0).getAsString())
                .isEqualTo("\uD83D\uDD11");
    }

    @Test
    void unescapedControlCharacterOrBadEscape_isRefused() {
        assertThatThrownBy(() -> StrictJson.parse("{\"id\": \"a\tb\"}", "f")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> StrictJson.parse("{\"id\": \"\\x41\"}", "f")).isInstanceOf(InvalidInputException.class);
    }

}
