package dev.messer.cli;

import com.beust.jcommander.ParametersDelegate;
import dev.messer.app.Session;
import dev.messer.bulk.BulkOptions;
import dev.messer.bulk.BulkReport;

/**
 * {@code messer bulk <verb> aws|local [CONFIG]}: a bulk run over every item of one configuration
 * (without CONFIG, the configuration in use).
 */
abstract class BulkItemsCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.word("CONFIG").optional())
            .options("[--dry-run] [--parallel N]");

    @ParametersDelegate
    BulkFlags flags = new BulkFlags();

    BulkItemsCommand() {
        super(GRAMMAR);
    }

    /** Runs the bulk operation on the session of the configuration. */
    abstract BulkReport run(Session<?> session, BulkOptions options);

    @Override
    @SuppressWarnings("try") // the guard is closed before the report is printed, and again (a no-op) by the try
    public final int run(CommandContext context) {
        Console console = context.console();
        CommandContext configured = context.with(BulkConfigArgument.options(common, BulkConfigArgument.optional(words), null));
        try (BulkRunGuard guard = BulkRunGuard.forConsole(console)) {
            BulkReport report;
            try (Session<?> session = configured.session(words.get(0), BulkFlags.RETRY_FALLBACKS)) {
                report = run(session, flags.options(guard));
            } catch (RuntimeException e) {
                guard.stoppedEarly();
                throw e;
            }
            guard.close();
            return BulkReportPrinter.print(console, report, flags);
        }
    }
}
