package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import dev.messer.app.Session;
import dev.messer.bulk.BulkReport;
import dev.messer.error.Hint;
import dev.messer.regions.Behind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code messer bulk sync aws --from HOME [BAG...]}: makes every other region of a profile that spans
 * regions match the home region, data keys first, then items as stored (see {@link dev.messer.bulk.RegionSync}).
 */
final class BulkSyncCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.AWS, Positional.BAG.optional().repeated())
            .onlyForAws(Hint.text("a local profile has no regions"))
            .options("--from HOME [--delete-extra] [--dry-run] [--parallel N]");

    @Parameter(names = "--from", description = "The profile's home region (first in regions), whose data keys and "
            + "items every other region gets")
    String from;

    @Parameter(names = "--delete-extra", description = "Delete the items that exist only in another region")
    boolean deleteExtra;

    @ParametersDelegate
    BulkFlags flags = new BulkFlags();

    BulkSyncCommand() {
        super(GRAMMAR);
    }

    @Override
    @SuppressWarnings("try") // the guard is closed before the report is printed, and again (a no-op) by the try
    public int run(CommandContext context) {
        Console console = context.console();
        if (from == null || from.isBlank()) {
            throw new UsageException("'bulk sync' needs --from HOME, the profile's home region (the first in regions)");
        }
        Set<String> bags = new LinkedHashSet<>(words.subList(1, words.size()));
        try (BulkRunGuard guard = BulkRunGuard.forConsole(console)) {
            Behind<BulkReport> result;
            try (Session<?> session = context.session(words.get(0), BulkFlags.RETRY_FALLBACKS)) {
                requireHome(session.settings().regions());
                result = session.regionSync(bags, deleteExtra, line -> console.error("messer: " + line))
                        .run(flags.options(guard));
            } catch (RuntimeException e) {
                guard.stoppedEarly();
                throw e;
            }
            guard.close();
            int status = BulkReportPrinter.print(console, result.result(), flags);
            result.regions().forEach((region, why) -> console.error("messer: region " + region
                    + " does not match the home region yet: " + why + "; see the lines above"));
            return status == ExitCodes.OK && !result.isEmpty() ? ExitCodes.INCOMPLETE : status;
        }
    }

    private void requireHome(List<String> regions) {
        if (regions.isEmpty()) {
            throw new UsageException("'bulk sync' needs a profile with regions; add 'regions = " + from
                    + " OTHER_REGION...' to the profile, the home region first (docs/aws.md, \"Several regions\")");
        }
        if (!regions.get(0).equals(from)) {
            throw new UsageException("--from " + from + " is not the profile's home region " + regions.get(0)
                    + " (the first in regions = " + String.join(" ", regions) + "); run it with --from "
                    + regions.get(0) + ", or put " + from + " first in regions to make it the home region");
        }
    }
}
