package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.bulk.Inventory;
import java.util.List;
import java.util.Map;

/** {@code messer bulk list aws|local [CONFIG]}: every bag, then its items indented by a tab (Messer's output). */
final class BulkListCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.word("CONFIG").optional());


    BulkListCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        Console console = context.console();
        CommandContext configured = context.with(BulkConfigArgument.options(common, BulkConfigArgument.optional(words), null));
        try (Session<?> session = configured.session(words.get(0), BulkFlags.RETRY_FALLBACKS)) {
            for (Map.Entry<String, List<String>> bag : Inventory.of(session.bags()).bags().entrySet()) {
                console.data(bag.getKey());
                bag.getValue().forEach(id -> console.data("\t" + id));
            }
        }
        return ExitCodes.OK;
    }
}
