package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;

/**
 * {@code messer data bag delete aws|local BAG [ITEM [--purge]]}: an item, or a bag that has no items
 * left. With {@code --purge} the item's kept versions go too (and a deleted item's history).
 */
final class DataBagDeleteCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.BAG, Positional.ITEM.optional())
            .options("[--purge]");


    @Parameter(names = "--purge", description = "Also remove every kept version of the item; it cannot be rolled back")
    boolean purge;

    DataBagDeleteCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        if (purge && words.size() != 3) {
            throw UsageException.withUsage("--purge applies to one item");
        }
        String bag = words.get(1);
        try (Session<?> session = context.session(words.get(0))) {
            if (purge) {
                session.history().purge(bag, words.get(2));
                context.console().info("Deleted data bag item " + bag + "/" + words.get(2) + " and its history");
            } else if (words.size() == 3) {
                session.items().delete(bag, words.get(2));
                context.console().info("Deleted data bag item " + bag + "/" + words.get(2));
            } else {
                session.bags().deleteBag(bag);
                context.console().info("Deleted data bag " + bag);
            }
        }
        return ExitCodes.OK;
    }
}
