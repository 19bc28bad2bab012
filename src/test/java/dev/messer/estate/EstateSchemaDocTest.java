package dev.messer.estate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.messer.databag.Bags;
import dev.messer.error.Hint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/audit.md's JSON examples are the schema: the reports' fields, nested, are exactly the
 * examples' fields, with the same JSON types.
 */
class EstateSchemaDocTest {

    private static JsonElement documented(String schema) throws IOException {
        String doc = Files.readString(Path.of("docs/audit.md"));
        int marker = doc.indexOf("<!-- schema: " + schema + " -->");
        assertThat(marker).as("docs/audit.md documents " + schema).isNotNegative();
        int start = doc.indexOf("```json\n", marker) + "```json\n".length();
        return JsonParser.parseString(doc.substring(start, doc.indexOf("```", start)));
    }

    @Test
    void auditJson_hasExactlyTheDocumentedFields() throws IOException {
        TierSource source = new TierSource("prod", "prod", "s3://b/prod/", "arn", (Bags) null, null, null, null, 2, 1);
        KeyVersionInfo v0 = new KeyVersionInfo("app", 0, Instant.parse("2026-01-01T00:00:00Z"), true, false, false, 2, false);
        KeyVersionInfo v1 = new KeyVersionInfo("app", 1, Instant.parse("2026-11-01T00:00:00Z"), false, true, true, 1, true);
        TreeMap<String, Long> missing = new TreeMap<>(Map.of("app v7", 1L));
        TierInventory tier = new TierInventory(source, 2, 3, new TreeMap<>(Map.of(1, 2L, 2, 1L)), List.of(v0, v1), missing,
                1, List.of("web/x: not JSON"));
        Instant now = Instant.parse("2026-12-07T00:00:00Z");
        AuditReport report = new AuditReport(now, Duration.ofDays(90), List.of(tier),
                Findings.of(tier, Duration.ofDays(90), now));

        JsonElement actual = JsonParser.parseString(AuditJson.render(report, Hint::toString));

        assertSameShape("", documented("messer-audit/1"), actual);
        assertThat(actual.getAsJsonObject().get("schema").getAsString()).isEqualTo("messer-audit/1");
    }

    @Test
    void compareJson_hasExactlyTheDocumentedFields() throws IOException {
        TierFields dev = new TierFields("dev", new TreeSet<>(List.of("web")), new TreeMap<>(Map.of("web/db",
                new TreeMap<>(Map.of("user", "h1")), "web/api", new TreeMap<>(Map.of("token", "h2")))), List.of());
        TierFields prod = new TierFields("prod", new TreeSet<>(List.of("web")), new TreeMap<>(Map.of("web/db",
                new TreeMap<>(Map.of("user", "h1")))), List.of("web/x in prod: damaged"));

        JsonElement actual = JsonParser.parseString(CompareJson.render(Comparison.of(List.of(dev, prod), Instant.now())));

        assertSameShape("", documented("messer-compare/1"), actual);
    }

    /** Objects: the same names, each the same shape; arrays: their first elements (when both have one); else the same type. */
    private static void assertSameShape(String where, JsonElement expected, JsonElement actual) {
        List<String> problems = new ArrayList<>();
        compare(where, expected, actual, problems);
        assertThat(problems).isEmpty();
    }

    private static void compare(String where, JsonElement expected, JsonElement actual, List<String> problems) {
        if (expected.isJsonObject() && actual.isJsonObject()) {
            var e = expected.getAsJsonObject();
            var a = actual.getAsJsonObject();
            if (!e.keySet().equals(a.keySet())) {
                problems.add(where + ": documented " + new TreeSet<>(e.keySet()) + " but printed " + new TreeSet<>(a.keySet()));
            }
            for (String name : e.keySet()) {
                if (a.has(name)) {
                    compare(where + "." + name, e.get(name), a.get(name), problems);
                }
            }
        } else if (expected.isJsonArray() && actual.isJsonArray()) {
            if (!expected.getAsJsonArray().isEmpty() && !actual.getAsJsonArray().isEmpty()) {
                compare(where + "[0]", expected.getAsJsonArray().get(0), actual.getAsJsonArray().get(0), problems);
            }
        } else if (expected.isJsonPrimitive() && actual.isJsonPrimitive()) {
            var e = expected.getAsJsonPrimitive();
            var a = actual.getAsJsonPrimitive();
            if (e.isString() != a.isString() || e.isNumber() != a.isNumber() || e.isBoolean() != a.isBoolean()) {
                problems.add(where + ": documented " + e + " but printed " + a);
            }
        } else {
            problems.add(where + ": documented " + expected + " but printed " + actual);
        }
    }
}
