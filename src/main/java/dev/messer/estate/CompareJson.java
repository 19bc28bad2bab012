package dev.messer.estate;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/** A comparison as JSON, schema {@value Comparison#SCHEMA_VERSION} (docs/audit.md). It holds no value and no hash. */
public final class CompareJson {

    private CompareJson() {
    }

    public static String render(Comparison comparison) {
        JsonObject root = new JsonObject();
        root.addProperty("schema", "messer-compare/" + Comparison.SCHEMA_VERSION);
        root.addProperty("generated", comparison.generated().toString());
        root.add("profiles", strings(comparison.profiles()));
        root.addProperty("complete", comparison.complete());
        JsonArray problems = new JsonArray();
        comparison.tiers().forEach(t -> t.problems().forEach(problems::add));
        root.add("problems", problems);
        root.add("bags", rows(comparison.bags(), false));
        root.add("items", rows(comparison.items(), false));
        root.add("fields", rows(comparison.paths(), true));
        JsonObject summary = new JsonObject();
        summary.addProperty("missing_bags", comparison.missingBags().size());
        summary.addProperty("missing_items", comparison.missingItems().size());
        summary.addProperty("missing_fields", comparison.missingPaths().size());
        summary.addProperty("equal_values", comparison.equalValues().size());
        root.add("summary", summary);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static JsonArray rows(List<Comparison.Row> rows, boolean fields) {
        JsonArray array = new JsonArray();
        for (Comparison.Row row : rows) {
            JsonObject r = new JsonObject();
            r.addProperty("name", row.name());
            r.add("present", strings(row.present()));
            if (fields) {
                JsonArray equal = new JsonArray();
                row.equalIn().forEach(group -> equal.add(strings(group)));
                r.add("equal_in", equal);
            }
            array.add(r);
        }
        return array;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
