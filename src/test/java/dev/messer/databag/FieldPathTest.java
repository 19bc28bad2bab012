package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class FieldPathTest {

    private final JsonObject item = JsonParser.parseString(
            "{\"id\":\"db\",\"password\":\"p\",\"db\":{\"password\":\"q\",\"hosts\":[\"h0\",\"h1\"]},\"a/b\":1,\"t~\":2}")
            .getAsJsonObject();

    @Test
    void pathsReachTopLevelNestedAndArrayFields() {
        assertThat(FieldPath.parse("password").find(item).orElseThrow().getAsString()).isEqualTo("p");
        assertThat(FieldPath.parse("db/password").find(item).orElseThrow().getAsString()).isEqualTo("q");
        assertThat(FieldPath.parse("db/hosts/1").find(item).orElseThrow().getAsString()).isEqualTo("h1");
    }

    @Test
    void tildeEscapesNameSlashAndTilde() {
        assertThat(FieldPath.parse("a~1b").find(item).orElseThrow().getAsInt()).isEqualTo(1);
        assertThat(FieldPath.parse("t~0").find(item).orElseThrow().getAsInt()).isEqualTo(2);
    }

    @Test
    void missingSteps_areEmpty_andBadPathsAreRefused() {
        assertThat(FieldPath.parse("db/user").find(item)).isEmpty();
        assertThat(FieldPath.parse("db/hosts/2").find(item)).isEmpty();
        assertThat(FieldPath.parse("password/x").find(item)).isEmpty();
        assertThatThrownBy(() -> FieldPath.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> FieldPath.parse("a~2")).hasMessageContaining("~");
    }
}
