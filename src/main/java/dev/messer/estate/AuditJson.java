package dev.messer.estate;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.messer.error.Hint;
import java.util.Map;
import java.util.function.Function;

/**
 * The audit as JSON, schema {@value AuditReport#SCHEMA_VERSION}: the fields docs/audit.md lists, no
 * more (a test holds the two together). A new field raises the schema number.
 */
public final class AuditJson {

    private AuditJson() {
    }

    /** @param fixes renders a finding's fix as the user runs it */
    public static String render(AuditReport report, Function<Hint, String> fixes) {
        JsonObject root = new JsonObject();
        root.addProperty("schema", "messer-audit/" + AuditReport.SCHEMA_VERSION);
        root.addProperty("generated", report.generated().toString());
        root.addProperty("max_key_age_days", Findings.days(report.maxKeyAge()));
        JsonArray tiers = new JsonArray();
        report.tiers().forEach(tier -> tiers.add(tier(tier, report)));
        root.add("tiers", tiers);
        JsonArray findings = new JsonArray();
        for (Finding finding : report.findings()) {
            JsonObject f = new JsonObject();
            f.addProperty("kind", finding.kind().id());
            f.addProperty("profile", finding.profile());
            f.addProperty("subject", finding.subject());
            f.addProperty("detail", finding.detail());
            f.addProperty("fix", fixes.apply(finding.fix()));
            findings.add(f);
        }
        root.add("findings", findings);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static JsonObject tier(TierInventory tier, AuditReport report) {
        TierSource source = tier.source();
        JsonObject t = new JsonObject();
        t.addProperty("profile", source.label());
        t.addProperty("tier", source.tier());
        t.addProperty("where", source.where());
        t.addProperty("identity", source.identity());
        t.addProperty("item_format", source.itemFormat());
        t.addProperty("min_item_format", source.minItemFormat());
        t.addProperty("bags", tier.bags());
        t.addProperty("items", tier.items());
        t.addProperty("unreadable_items", tier.unreadable());
        JsonObject formats = new JsonObject();
        formats.addProperty("1", tier.itemsInFormat(1));
        formats.addProperty("2", tier.itemsInFormat(2));
        t.add("item_formats", formats);
        JsonArray keys = new JsonArray();
        for (String name : tier.keyNames()) {
            JsonObject key = new JsonObject();
            key.addProperty("name", name);
            JsonArray versions = new JsonArray();
            for (KeyVersionInfo v : tier.versionsOf(name)) {
                if (v.latest()) {
                    key.addProperty("latest_version", v.version());
                }
                JsonObject version = new JsonObject();
                version.addProperty("version", v.version());
                version.addProperty("created", v.created().toString());
                version.addProperty("created_from", v.createdFromMetadata() ? "metadata" : "last_modified");
                version.addProperty("age_days", Findings.days(v.age(report.generated())));
                version.addProperty("items", v.items());
                version.addProperty("bound", v.bound());
                version.addProperty("has_tier", v.hasTier());
                versions.add(version);
            }
            key.add("versions", versions);
            keys.add(key);
        }
        t.add("keys", keys);
        JsonArray missing = new JsonArray();
        for (Map.Entry<String, Long> entry : tier.missingVersions().entrySet()) {
            JsonObject m = new JsonObject();
            m.addProperty("key_version", entry.getKey());
            m.addProperty("items", entry.getValue());
            missing.add(m);
        }
        t.add("missing_key_versions", missing);
        JsonArray problems = new JsonArray();
        tier.problems().forEach(problems::add);
        t.add("problems", problems);
        return t;
    }
}
