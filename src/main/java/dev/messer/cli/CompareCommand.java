package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import dev.messer.app.Session;
import dev.messer.error.ConfigException;
import dev.messer.error.MesserException;
import dev.messer.estate.CompareHtml;
import dev.messer.estate.CompareJson;
import dev.messer.estate.Comparison;
import dev.messer.estate.Counts;
import dev.messer.estate.FieldHasher;
import dev.messer.estate.FieldScanner;
import dev.messer.estate.TierFields;
import dev.messer.names.Names;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code messer compare aws|local --profiles dev,stage,prod [BAG ...]}: which bags, items and fields
 * one tier has and another has not, and which values are equal across tiers, compared by keyed
 * hashes made for this run only. Exit status 1 for a difference or an equal value, 3 when a tier
 * could not be read in full.
 */
final class CompareCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.BAG.optional().repeated())
            .options("--profiles P,Q,... [--format text|json|html] [-o FILE] [--parallel N]");

    @Parameter(names = "--profiles", description = "The profiles (tiers) to compare, two or more, separated by commas")
    String profiles;

    @ParametersDelegate
    ReportOptions reporting = new ReportOptions();

    CompareCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        reporting.check();
        if (profiles == null) {
            throw new UsageException("compare needs --profiles with two or more profiles, such as --profiles dev,prod");
        }
        List<String> names = EstateProfiles.names(profiles, common);
        if (names.size() < 2) {
            throw new UsageException("compare needs two or more profiles in --profiles, not " + names.size());
        }
        Set<String> bags = new TreeSet<>(words.subList(1, words.size()));
        List<TierFields> tiers = new ArrayList<>();
        try (FieldHasher hasher = new FieldHasher()) {
            for (String name : names) {
                tiers.add(scan(context, name, bags, hasher));
            }
        }
        Comparison comparison = Comparison.of(tiers, Instant.now());
        String rendered = switch (reporting.format) {
            case "json" -> CompareJson.render(comparison);
            case "html" -> CompareHtml.render(comparison);
            default -> text(comparison);
        };
        EstateProfiles.emit(context, rendered, reporting.output);
        comparison.tiers().forEach(t -> t.problems().forEach(p -> context.console().error("messer: " + p)));
        context.console().info("compare: " + Counts.of(comparison.missingBags().size(), "bag") + ", "
                + Counts.of(comparison.missingItems().size(), "item") + " and "
                + Counts.of(comparison.missingPaths().size(), "field") + " missing somewhere; "
                + Counts.of(comparison.equalValues().size(), "field") + " with a value equal across profiles"
                + (comparison.complete() ? "." : "; the scan was incomplete (exit status 3)."));
        if (!comparison.complete()) {
            return ExitCodes.INCOMPLETE;
        }
        return comparison.hasFindings() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private TierFields scan(CommandContext context, String profile, Set<String> bags, FieldHasher hasher) {
        try (Session<?> session = EstateProfiles.open(context, words.get(0), profile)) {
            return FieldScanner.scan(profile, session.bags(), session.items(), bags, hasher, reporting.parallel,
                    BulkProgressPrinter.forConsole(context.console()));
        } catch (ConfigException e) {
            throw e; // the configuration is wrong, not the tier: a usage error
        } catch (MesserException e) {
            return TierFields.unreachable(profile, "profile " + profile + " could not be read: "
                    + context.hints().message(e));
        }
    }

    private static String text(Comparison comparison) {
        List<String> lines = new ArrayList<>();
        List<String> profiles = comparison.profiles();
        missing(lines, "bag", comparison.missingBags(), profiles);
        missing(lines, "item", comparison.missingItems(), profiles);
        missing(lines, "field", comparison.missingPaths(), profiles);
        comparison.equalValues().forEach(row -> row.equalIn().forEach(group -> lines.add("equal    field " + row.name()
                + ": same value in " + String.join(" and ", group))));
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(Names.controlsEscaped(line)).append('\n'));
        return out.toString();
    }

    private static void missing(List<String> lines, String what, List<Comparison.Row> rows, List<String> profiles) {
        for (Comparison.Row row : rows) {
            List<String> absent = profiles.stream().filter(p -> !row.present().contains(p)).toList();
            lines.add("missing  " + what + " " + row.name() + ": in " + String.join(", ", row.present())
                    + ", not in " + String.join(", ", absent));
        }
    }
}
