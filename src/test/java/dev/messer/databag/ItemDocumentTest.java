package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.messer.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ItemDocumentTest {

    @Test
    void parse_readsTheIdAndKeepsEveryField() {
        ItemDocument item = parse("{\"id\": \"db\", \"password\": \"p\", \"port\": 5432}");
        assertThat(item.id()).isEqualTo("db");
        assertThat(item.json().keySet()).containsExactly("id", "password", "port");
    }

    @Test
    void plaintext_isCompactUtf8JsonWithNonAsciiAsIs() {
        ItemDocument item = parse("{ \"id\" : \"db\", \"name\": \"gr\u00fc\u00df\" }");
        assertThat(new String(item.toPlaintext(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"db\",\"name\":\"gr\u00fc\u00df\"}");
    }

    @Test
    void sealsAs_comparesTheBytesToSeal_soNumbersCompareByTheirText() {
        assertThat(parse("{\"id\":\"a\",\"n\":1}").sealsAs(parse("{ \"id\" : \"a\", \"n\" : 1 }"))).isTrue();
        assertThat(parse("{\"id\":\"a\",\"s\":\"\\u0041\"}").sealsAs(parse("{\"id\":\"a\",\"s\":\"A\"}"))).isTrue();
        String[][] different = {{"1", "1.0"}, {"1", "1e0"}, {"9007199254740993", "9007199254740992"}, {"1e400", "2e400"},
            {"1e2147483648", "1e2147483647"}};
        for (String[] pair : different) {
            assertThat(parse("{\"id\":\"a\",\"n\":" + pair[0] + "}").sealsAs(parse("{\"id\":\"a\",\"n\":" + pair[1] + "}")))
                    .as(pair[0] + " vs " + pair[1]).isFalse();
        }
        assertThat(parse("{\"id\":\"a\",\"x\":1,\"y\":2}").sealsAs(parse("{\"id\":\"a\",\"y\":2,\"x\":1}")))
                .as("field order is part of what is sealed and printed").isFalse();
    }

    @Test
    void utf8ByteOrderMark_isSkipped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = "{\"id\": \"db\"}".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + json.length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(json, 0, content, 3, json.length);
        assertThat(ItemDocument.parse(content, "f").id()).isEqualTo("db");
    }

    @Test
    void invalidUtf8_isRefusedNamingTheSource() {
        byte[] content = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertThatThrownBy(() -> ItemDocument.parse(content, "item file x.json"))
                .isInstanceOf(InvalidInputException.class).hasMessage("item file x.json is not valid UTF-8");
    }

    @Test
    void documentOverTheSizeLimit_isRefused() {
        byte[] big = ("{\"id\": \"db\", \"pad\": \"" + "x".repeat(ItemDocument.MAX_BYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ItemDocument.parse(big, "f"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("limited to " + ItemDocument.MAX_BYTES);
    }

    @Test
    void documentAtTheSizeLimit_isAccepted() {
        String head = "{\"id\": \"db\", \"pad\": \"";
        String pad = "x".repeat(ItemDocument.MAX_BYTES - head.length() - 2);
        assertThat(parse(head + pad + "\"}").id()).isEqualTo("db");
    }

    @Test
    void jsonThatIsNotAnObject_isRefusedShowingTheExpectedShape() {
        for (String text : new String[] {"[]", "\"db\"", "42", "null"}) {
            assertThatThrownBy(() -> parse(text)).as(text)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("must hold a JSON object");
        }
    }

    @Test
    void notJson_isRefused() {
        assertThatThrownBy(() -> parse("id=db")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void duplicateKeys_areRefused() {
        assertThatThrownBy(() -> parse("{\"id\": \"a\", \"id\": \"b\"}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void missingOrNullId_isRefusedNamingTheFix() {
        assertThatThrownBy(() -> parse("{\"name\": \"x\"}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no \"id\" field");
        assertThatThrownBy(() -> parse("{\"id\": null}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no \"id\" field");
    }

    @Test
    void blankId_isRefused() {
        assertThatThrownBy(() -> parse("{\"id\": \"  \"}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("blank \"id\"");
        assertThatThrownBy(() -> parse("{\"id\": \"\"}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("blank \"id\"");
    }

    @Test
    void nonStringId_isRefused() {
        for (String id : new String[] {"5", "true", "[\"db\"]", "{\"a\": 1}"}) {
            assertThatThrownBy(() -> parse("{\"id\": " + id + "}")).as(id)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a string");
        }
    }

    @Test
    void idOutsideTheNameRule_isRefusedNamingTheSource() {
        for (String id : new String[] {"../etc", "a/b", ".", "..", "caf\u00e9"}) {
            assertThatThrownBy(() -> parse("{\"id\": \"" + id + "\"}")).as(id)
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("item file f.json: item id");
        }
    }

    @Test
    void json_returnsACopy() {
        ItemDocument item = parse("{\"id\": \"db\"}");
        JsonObject copy = item.json();
        copy.addProperty("id", "changed");
        assertThat(item.json().get("id").getAsString()).isEqualTo("db");
    }

    @Test
    void toString_showsOnlyTheId() {
        assertThat(parse("{\"id\": \"db\", \"password\": \"hunter2\"}").toString())
                .isEqualTo("ItemDocument[id=db]").doesNotContain("hunter2");
    }

    private static ItemDocument parse(String text) {
        return ItemDocument.parse(text.getBytes(StandardCharsets.UTF_8), "item file f.json");
    }
}
