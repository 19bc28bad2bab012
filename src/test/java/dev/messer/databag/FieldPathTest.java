package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.messer.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldPathTest {

    private final JsonObject item = JsonParser.parseString(
            "{\"id\":\"db\",\"password\":\"p\",\"db\":{\"password\":\"q\",\"hosts\":[\"h0\",\"h1\"]},\"a/b\":1,\"t~\":2}")
            .getAsJsonObject();

    @Test
    void get_reachesTopLevelNestedAndArrayFields() {
        assertThat(FieldPath.parse("password").get(item).orElseThrow().getAsString()).isEqualTo("p");
        assertThat(FieldPath.parse("db/password").get(item).orElseThrow().getAsString()).isEqualTo("q");
        assertThat(FieldPath.parse("db/hosts/1").get(item).orElseThrow().getAsString()).isEqualTo("h1");
    }

    @Test
    void get_readsEscapedSlashAndTilde() {
        assertThat(FieldPath.parse("a~1b").get(item).orElseThrow().getAsInt()).isEqualTo(1);
        assertThat(FieldPath.parse("t~0").get(item).orElseThrow().getAsInt()).isEqualTo(2);
    }

    @Test
    void get_ofMissingSteps_isEmpty() {
        assertThat(FieldPath.parse("db/user").get(item)).isEmpty();
        assertThat(FieldPath.parse("db/hosts/2").get(item)).isEmpty();
        assertThat(FieldPath.parse("password/x").get(item)).isEmpty();
    }


    @Test
    void names_areJsonPointerTokens_withoutTheLeadingSlash() {
        assertThat(FieldPath.parse("password").names()).containsExactly("password");
        assertThat(FieldPath.parse("db/password").names()).containsExactly("db", "password");
        assertThat(FieldPath.parse("a~1b/c~0d").names()).containsExactly("a/b", "c~d");
        assertThat(FieldPath.parse("~01").names()).containsExactly("~1");
        assertThat(FieldPath.parse("api.key").names()).containsExactly("api.key");
    }

    @Test
    void toString_escapesBack() {
        assertThat(FieldPath.of(List.of("a/b", "c~d")).toString()).isEqualTo("a~1b/c~0d");
        assertThat(FieldPath.parse("~01").toString()).isEqualTo("~01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/password", "db/", "a//b", "a~", "a~2b"})
    void malformedPaths_areRefused(String text) {
        assertThatThrownBy(() -> FieldPath.parse(text)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void set_createsMissingObjects_andRefusesToGoThroughANonObject() {
        JsonObject item = JsonParser.parseString("{\"id\":\"db\",\"port\":1}").getAsJsonObject();
        FieldPath.parse("db/password").set(item, new JsonPrimitive("x"));
        assertThat(item.getAsJsonObject("db").get("password").getAsString()).isEqualTo("x");
        assertThatThrownBy(() -> FieldPath.parse("port/x").set(item, new JsonPrimitive("y")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'port' is not an object");
    }

    @Test
    void get_andRemove_followThePath() {
        JsonObject item = JsonParser.parseString("{\"id\":\"db\",\"db\":{\"a/b\":1}}").getAsJsonObject();
        assertThat(FieldPath.parse("db/a~1b").get(item)).contains(new JsonPrimitive(1));
        assertThat(FieldPath.parse("db/none").get(item)).isEmpty();
        assertThat(FieldPath.parse("id/x").get(item)).isEmpty();
        assertThat(FieldPath.parse("db/a~1b").remove(item)).isTrue();
        assertThat(FieldPath.parse("db/a~1b").remove(item)).isFalse();
        assertThat(FieldPath.parse("nothing/here").remove(item)).isFalse();
    }

    @Test
    void isId_onlyForTheTopLevelId() {
        assertThat(FieldPath.parse("id").isId()).isTrue();
        assertThat(FieldPath.parse("db/id").isId()).isFalse();
    }
}
