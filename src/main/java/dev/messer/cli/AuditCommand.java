package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import dev.messer.app.Session;
import dev.messer.estate.AuditHtml;
import dev.messer.estate.AuditJson;
import dev.messer.estate.AuditReport;
import dev.messer.estate.Counts;
import dev.messer.estate.Finding;
import dev.messer.estate.KeyVersionInfo;
import dev.messer.estate.TierInventory;
import dev.messer.estate.TierSource;
import dev.messer.names.Names;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code messer audit aws|local [--profiles P,Q] [--max-key-age DAYS] [--format text|json|html] [-o FILE]}:
 * the counts of every tier named and what calls for action, from the stored envelopes' metadata only
 * (no decryption, no master key call). Exit status 1 when there are findings.
 */
final class AuditCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER)
            .options("[--profiles P,Q,...] [--max-key-age DAYS] [--format text|json|html] [-o FILE] [--parallel N]");

    @Parameter(names = "--profiles", description = "Profiles (tiers) to audit, separated by commas (default: the profile in use)")
    String profiles;

    @Parameter(names = "--max-key-age", description = "Age in days above which a key version in use is a finding (default 90)")
    int maxKeyAgeDays = 90;

    @ParametersDelegate
    ReportOptions reporting = new ReportOptions();

    AuditCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        reporting.check();
        if (maxKeyAgeDays < 1) {
            throw new UsageException("--max-key-age takes a number of days of at least 1, not " + maxKeyAgeDays);
        }
        List<String> names = EstateProfiles.names(profiles, common);
        List<Session<?>> sessions = new ArrayList<>();
        AuditReport report;
        try {
            List<TierSource> sources = new ArrayList<>();
            for (String name : names) {
                Session<?> session = EstateProfiles.open(context, words.get(0), name);
                sessions.add(session);
                sources.add(EstateProfiles.source(session));
            }
            report = AuditReport.run(sources, Duration.ofDays(maxKeyAgeDays), reporting.parallel,
                    BulkProgressPrinter.forConsole(context.console()), Instant.now());
        } finally {
            sessions.forEach(Session::close);
        }
        Hints hints = context.hints();
        String rendered = switch (reporting.format) {
            case "json" -> AuditJson.render(report, hints::render);
            case "html" -> AuditHtml.render(report, hints::render);
            default -> text(report, hints);
        };
        EstateProfiles.emit(context, rendered, reporting.output);
        long unreadable = report.tiers().stream().mapToLong(TierInventory::unreadable).sum();
        context.console().info("audit: " + Counts.of(report.findings().size(), "finding") + " in "
                + Counts.of(report.tiers().size(), "profile")
                + (unreadable > 0 ? "; " + Counts.of(unreadable, "item") + " could not be read" : "") + ".");
        return report.clean() && unreadable == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static String text(AuditReport report, Hints hints) {
        StringBuilder out = new StringBuilder();
        for (TierInventory tier : report.tiers()) {
            TierSource s = tier.source();
            out.append("profile ").append(s.label()).append(" (tier ").append(s.tier().isEmpty() ? "(none)" : s.tier())
                    .append(", ").append(s.where()).append(", as ").append(s.identity()).append("): ")
                    .append(Counts.of(tier.bags(), "bag")).append(", ").append(Counts.of(tier.items(), "item"))
                    .append(" (format 1: ")
                    .append(tier.itemsInFormat(1)).append(", format 2: ").append(tier.itemsInFormat(2)).append("), ")
                    .append(tier.unreadable()).append(" unreadable\n");
            for (KeyVersionInfo v : tier.keyVersions()) {
                out.append("  ").append(v.label()).append(v.latest() ? " (latest)" : "").append(": ")
                        .append(Counts.of(v.items(), "item")).append(", created ").append(v.created()).append(" (")
                        .append(Counts.of(v.age(report.generated()).toDays(), "day")).append(", from ")
                        .append(v.createdFromMetadata() ? "metadata" : "LastModified").append("), ")
                        .append(!v.bound() ? "no context" : v.hasTier() ? "context with tier" : "context without tier")
                        .append('\n');
            }
            tier.missingVersions().forEach((version, count) -> out.append("  ").append(version)
                    .append(": ").append(Counts.of(count, "item")).append(", but the keys bucket has no such version\n"));
            tier.problems().forEach(p -> out.append("  unreadable: ").append(p).append('\n'));
        }
        for (Finding f : report.findings()) {
            out.append("finding ").append(f.kind().id()).append(" in ").append(f.profile()).append(": ")
                    .append(f.detail()).append("\n  fix: ").append(hints.render(f.fix())).append('\n');
        }
        return out.toString().lines().map(Names::controlsEscaped).map(line -> line + "\n")
                .collect(java.util.stream.Collectors.joining());
    }
}
