package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import dev.messer.bulk.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code messer bulk list aws|local [CONFIG]}: every bag, then its items indented by a tab (Messer's output). */
final class BulkListCommand extends CommandBase {

    static final String GRAMMAR = "messer bulk list aws|local [CONFIG]";

    @Parameter(description = "aws|local [CONFIG]")
    List<String> words = new ArrayList<>();

    @Override
    public int run(CommandContext context) {
        Positionals.require(words, 1, 2, GRAMMAR);
        Console console = context.console();
        CommandContext configured = new CommandContext(console, BulkConfigArgument.options(common, BulkConfigArgument.optional(words), null));
        try (Session<?> session = configured.session(words.get(0))) {
            for (Map.Entry<String, List<String>> bag : Inventory.of(session.bags()).bags().entrySet()) {
                console.data(bag.getKey());
                bag.getValue().forEach(id -> console.data("\t" + id));
            }
        }
        return ExitCodes.OK;
    }
}
