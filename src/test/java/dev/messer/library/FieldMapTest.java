package dev.messer.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class FieldMapTest {

    @Test
    void nestedFieldsAndArrays_becomeFieldPaths_withoutIdOrNulls() {
        var item = JsonParser.parseString("{\"id\":\"db\",\"password\":\"s3cret\",\"port\":5432,\"tls\":true,"
                + "\"db\":{\"hosts\":[\"a\",{\"name\":\"b\"}],\"none\":null}}").getAsJsonObject();
        assertThat(FieldMap.of(item)).containsExactly(
                java.util.Map.entry("password", "s3cret"),
                java.util.Map.entry("port", "5432"),
                java.util.Map.entry("tls", "true"),
                java.util.Map.entry("db.hosts[0]", "a"),
                java.util.Map.entry("db.hosts[1].name", "b"));
    }
}
