package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.config.Settings;
import dev.messer.error.MesserException;
import dev.messer.estate.TierSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The profiles ({@code --profiles dev,stage,prod}) the estate commands read, each opened as a
 * session with the bulk commands' retries, and described as a {@link TierSource}.
 */
final class EstateProfiles {

    private EstateProfiles() {
    }

    /** The names of {@code --profiles}, or a list holding the one profile in use (null: the default) when it is absent. */
    static List<String> names(String profiles, CommonOptions common) {
        if (profiles == null) {
            List<String> one = new ArrayList<>();
            one.add(common.profile);
            return one;
        }
        if (common.profile != null) {
            throw new UsageException("--profiles names every profile to read; drop --profile " + common.profile);
        }
        List<String> names = Arrays.stream(profiles.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
        if (names.isEmpty() || names.stream().distinct().count() != names.size()) {
            throw new UsageException("--profiles takes distinct profile names separated by commas, such as dev,stage,prod");
        }
        return names;
    }

    static Session<?> open(CommandContext context, String providerWord, String profile) {
        return context.with(BulkConfigArgument.options(context.common(), null, profile))
                .session(providerWord, BulkFlags.RETRY_FALLBACKS);
    }

    static TierSource source(Session<?> session) {
        Settings settings = session.settings();
        return new TierSource(settings.profileName(), settings.common().tier(),
                session.backend().secrets().describe() + "/" + session.layout().bagsPrefix(), identity(session),
                session.bags(), session.items(), session.keyRing(), session.backend().keys(), settings.common().itemFormat(),
                settings.common().minItemFormat());
    }

    /** The caller ARN or user@host; a report says so when it could not be learnt instead of failing. */
    private static String identity(Session<?> session) {
        try {
            return session.backend().writer();
        } catch (MesserException e) {
            return "unknown (" + e.problem() + ")";
        }
    }

    /** The output format: text, json or html. */
    static String format(String format) {
        if (!List.of("text", "json", "html").contains(format)) {
            throw new UsageException("--format takes text, json or html, not '" + format + "'");
        }
        return format;
    }

    /** Prints the report on stdout, or writes it to {@code output} atomically with mode 0600. */
    static void emit(CommandContext context, String report, String output) {
        if (output == null) {
            context.console().out().print(report);
            context.console().out().flush();
            return;
        }
        java.nio.file.Path target = java.nio.file.Path.of(output);
        RenderCommand.checkOutput(target, "-");
        RenderCommand.writeAtomically(target, "-", report.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        context.console().info("Wrote " + output + " (mode 0600).");
    }
}
