package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import dev.messer.app.Session;
import dev.messer.bulk.BulkOptions;
import dev.messer.bulk.BulkReport;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code messer bulk <verb> aws|local [CONFIG]}: a bulk run over every item of one configuration
 * (without CONFIG, the configuration in use).
 */
abstract class BulkItemsCommand extends CommandBase {

    @Parameter(description = "aws|local [CONFIG]")
    List<String> words = new ArrayList<>();

    @ParametersDelegate
    BulkFlags flags = new BulkFlags();

    private final String verb;

    BulkItemsCommand(String verb) {
        this.verb = verb;
    }

    /** Runs the bulk operation on the session of the configuration. */
    abstract BulkReport run(Session<?> session, BulkOptions options);

    @Override
    public final int run(CommandContext context) {
        Positionals.require(words, 1, 2, "messer bulk " + verb + " aws|local [CONFIG] [--dry-run] [--parallel N]");
        Console console = context.console();
        CommandContext configured = new CommandContext(console, BulkConfigArgument.options(common, BulkConfigArgument.optional(words), null));
        try (Session<?> session = configured.session(words.get(0))) {
            return BulkReportPrinter.print(console, run(session, flags.options(console)), flags);
        }
    }
}
