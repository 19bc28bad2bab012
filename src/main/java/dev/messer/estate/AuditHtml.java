package dev.messer.estate;

import dev.messer.error.Hint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The audit as one self-contained HTML page: when and by whom it was made, what was scanned, the
 * findings with their fixes, and three charts (items per key version, key version ages against the
 * limit, item formats).
 */
public final class AuditHtml {

    private AuditHtml() {
    }

    /** @param fixes renders a finding's fix as the user runs it */
    public static String render(AuditReport report, Function<Hint, String> fixes) {
        HtmlPage page = new HtmlPage().heading(1, "messer audit");
        page.paragraph("meta", "Made " + report.generated() + "; key versions older than "
                + Counts.of(Findings.days(report.maxKeyAge()), "day") + " are findings.");
        List<List<String>> scanned = new ArrayList<>();
        for (TierInventory tier : report.tiers()) {
            TierSource s = tier.source();
            scanned.add(List.of(s.label(), s.tier().isEmpty() ? "(none)" : s.tier(), s.identity(), s.where(),
                    Integer.toString(tier.bags()), Long.toString(tier.items()), Long.toString(tier.unreadable())));
        }
        page.heading(2, "Scanned").table("scanned", List.of("profile", "tier", "identity", "secrets", "bags", "items",
                "unreadable"), scanned);
        page.heading(2, report.findings().isEmpty() ? "No findings" : Counts.of(report.findings().size(), "finding"));
        List<List<String>> findings = new ArrayList<>();
        report.findings().forEach(f -> findings.add(List.of(f.profile(), f.kind().id(), f.detail(), fixes.apply(f.fix()))));
        page.table("findings", List.of("profile", "finding", "detail", "fix"), findings);
        page.heading(2, "Items per key version").chart(itemsPerVersion(report));
        page.heading(2, "Key version ages").chart(ages(report));
        page.heading(2, "Item formats").chart(formats(report));
        page.heading(2, "Key versions").table("key-versions", List.of("profile", "key version", "created", "from",
                "age (days)", "items", "context", "latest"), versionRows(report));
        return page.render("messer audit " + report.generated());
    }

    private static SvgChart itemsPerVersion(AuditReport report) {
        SvgChart chart = new SvgChart("items-per-version", "Items per key version, stacked; old versions in orange");
        long widest = 1;
        for (TierInventory tier : report.tiers()) {
            for (String name : tier.keyNames()) {
                widest = Math.max(widest, tier.versionsOf(name).stream().mapToLong(KeyVersionInfo::items).sum());
            }
        }
        for (TierInventory tier : report.tiers()) {
            for (String name : tier.keyNames()) {
                chart.row(tier.source().label() + " · " + name);
                long at = 0;
                for (KeyVersionInfo v : tier.versionsOf(name)) {
                    if (v.items() > 0) {
                        chart.segment(v.latest() ? "segment latest" : "segment old", (double) at / widest,
                                (double) (at + v.items()) / widest, v.label() + ": " + Counts.of(v.items(), "item")
                                        + (v.latest() ? " (latest)" : " (old version)"));
                        at += v.items();
                    }
                }
            }
        }
        return chart;
    }

    private static SvgChart ages(AuditReport report) {
        double limit = report.maxKeyAge().toSeconds();
        double scale = limit * 1.25;
        for (TierInventory tier : report.tiers()) {
            for (KeyVersionInfo v : tier.keyVersions()) {
                scale = Math.max(scale, v.age(report.generated()).toSeconds() * 1.05);
            }
        }
        SvgChart chart = new SvgChart("key-ages", "Key version ages; the dashed line is --max-key-age ("
                + Counts.of(Findings.days(report.maxKeyAge()), "day") + ")");
        for (TierInventory tier : report.tiers()) {
            for (KeyVersionInfo v : tier.keyVersions()) {
                double age = v.age(report.generated()).toSeconds();
                chart.row(tier.source().label() + " · " + v.label()).segment(age > limit ? "age over" : "age", 0,
                        age / scale, v.label() + ": " + Counts.of(Findings.days(v.age(report.generated())), "day"));
            }
        }
        return chart.limit(limit / scale, "--max-key-age " + Counts.of(Findings.days(report.maxKeyAge()), "day"));
    }

    private static SvgChart formats(AuditReport report) {
        SvgChart chart = new SvgChart("item-formats", "Items per item format: format 1 in orange, format 2 in blue");
        long widest = Math.max(1, report.tiers().stream().mapToLong(TierInventory::items).max().orElse(1));
        for (TierInventory tier : report.tiers()) {
            chart.row(tier.source().label());
            long format1 = tier.itemsInFormat(1);
            long format2 = tier.itemsInFormat(2);
            if (format1 > 0) {
                chart.segment("format f1", 0, (double) format1 / widest, "format 1: " + Counts.of(format1, "item"));
            }
            if (format2 > 0) {
                chart.segment("format f2", (double) format1 / widest, (double) (format1 + format2) / widest,
                        "format 2: " + Counts.of(format2, "item"));
            }
        }
        return chart;
    }

    private static List<List<String>> versionRows(AuditReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (TierInventory tier : report.tiers()) {
            for (KeyVersionInfo v : tier.keyVersions()) {
                rows.add(List.of(tier.source().label(), v.label(), v.created().toString(),
                        v.createdFromMetadata() ? "metadata" : "LastModified",
                        Long.toString(Findings.days(v.age(report.generated()))), Long.toString(v.items()),
                        !v.bound() ? "none" : v.hasTier() ? "with tier" : "without tier", v.latest() ? "yes" : ""));
            }
        }
        return rows;
    }
}
