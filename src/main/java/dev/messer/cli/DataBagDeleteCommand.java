package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code messer data bag delete aws|local BAG [ITEM [--purge]]}: an item, or a bag that has no items
 * left. With {@code --purge} the item's kept versions go too (and a deleted item's history).
 */
final class DataBagDeleteCommand extends CommandBase {

    @Parameter(description = "aws|local BAG [ITEM]")
    List<String> words = new ArrayList<>();

    @Parameter(names = "--purge", description = "Also remove every kept version of the item; it cannot be rolled back")
    boolean purge;

    @Override
    public int run(CommandContext context) {
        String grammar = "messer data bag delete aws|local BAG [ITEM [--purge]]";
        Positionals.require(words, 2, 3, grammar);
        Positionals.names(words, 1, "bag name", "item id");
        if (purge && words.size() != 3) {
            throw new UsageException("--purge applies to one item; usage: " + grammar);
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
