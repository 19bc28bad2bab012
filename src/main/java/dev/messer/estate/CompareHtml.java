package dev.messer.estate;

import java.util.ArrayList;
import java.util.List;

/**
 * A comparison as one self-contained HTML page: the tier-by-item presence matrix, and the fields
 * missing somewhere or equal across tiers. It holds no value and no hash.
 */
public final class CompareHtml {

    /** The matrix shows at most this many items, so that the page stays readable and small. */
    static final int MATRIX_ROWS = 2000;

    private CompareHtml() {
    }

    public static String render(Comparison comparison) {
        HtmlPage page = new HtmlPage().heading(1, "messer compare");
        page.paragraph("meta", "Made " + comparison.generated() + "; profiles compared: "
                + String.join(", ", comparison.profiles()) + ". Values are compared by keyed hashes made for this run "
                + "only; no value is shown.");
        if (!comparison.complete()) {
            List<List<String>> problems = new ArrayList<>();
            comparison.tiers().forEach(t -> t.problems().forEach(p -> problems.add(List.of(t.profile(), p))));
            page.heading(2, "Incomplete scan").table("problems", List.of("profile", "problem"), problems);
        }
        SvgChart matrix = new SvgChart("presence", "Items per profile: blue present, grey missing");
        List<String> profiles = comparison.profiles();
        for (int i = 0; i < profiles.size(); i++) {
            matrix.columnHeading(i, profiles.get(i));
        }
        comparison.items().stream().limit(MATRIX_ROWS).forEach(item -> {
            matrix.row(item.name());
            for (int i = 0; i < profiles.size(); i++) {
                boolean present = item.present().contains(profiles.get(i));
                matrix.cell(present ? "cell present" : "cell absent", i, item.name() + " in " + profiles.get(i) + ": "
                        + (present ? "present" : "missing"));
            }
        });
        page.heading(2, "Presence").chart(matrix);
        if (comparison.items().size() > MATRIX_ROWS) {
            page.paragraph("meta", "The matrix shows the first " + MATRIX_ROWS + " of "
                    + Counts.of(comparison.items().size(), "item") + "; the tables list every difference.");
        }
        page.heading(2, "Missing").table("missing", List.of("what", "name", "present in", "missing in"), missingRows(comparison));
        List<List<String>> equal = new ArrayList<>();
        comparison.equalValues().forEach(row -> row.equalIn().forEach(group -> equal.add(List.of(row.name(),
                String.join(" = ", group)))));
        page.heading(2, "Equal values across profiles").table("equal", List.of("field", "same value in"), equal);
        return page.render("messer compare " + comparison.generated());
    }

    private static List<List<String>> missingRows(Comparison comparison) {
        List<List<String>> rows = new ArrayList<>();
        add(rows, "bag", comparison.missingBags(), comparison.profiles());
        add(rows, "item", comparison.missingItems(), comparison.profiles());
        add(rows, "field", comparison.missingPaths(), comparison.profiles());
        return rows;
    }

    private static void add(List<List<String>> rows, String what, List<Comparison.Row> missing, List<String> profiles) {
        for (Comparison.Row row : missing) {
            List<String> absent = profiles.stream().filter(p -> !row.present().contains(p)).toList();
            rows.add(List.of(what, row.name(), String.join(", ", row.present()), String.join(", ", absent)));
        }
    }
}
