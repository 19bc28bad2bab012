package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.bulk.BagsInOrder;

/**
 * {@code messer bulk list aws|local [CONFIG]}: every bag, then its items indented by a tab (Messer's
 * output), printed as the listing goes ({@link BagsInOrder}), holding no item on the heap.
 */
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
            BagsInOrder.visit(session.bags(), new BagsInOrder.Visitor() {
                @Override
                public void bag(String name) {
                    console.data(name);
                }

                @Override
                public void item(String bag, String id) {
                    console.data("\t" + id);
                }
            });
        }
        return ExitCodes.OK;
    }
}
