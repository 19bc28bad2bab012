package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import java.util.ArrayList;
import java.util.List;

/** {@code messer data bag delete aws|local BAG [ITEM]}: an item, or a bag that has no items left. */
final class DataBagDeleteCommand extends CommandBase {

    @Parameter(description = "aws|local BAG [ITEM]")
    List<String> words = new ArrayList<>();

    @Override
    public int run(CommandContext context) {
        Positionals.require(words, 2, 3, "messer data bag delete aws|local BAG [ITEM]");
        Positionals.names(words, 1, "bag name", "item id");
        String bag = words.get(1);
        try (Session<?> session = context.session(words.get(0))) {
            if (words.size() == 3) {
                session.bags().deleteItem(bag, words.get(2));
                context.console().info("Deleted data bag item " + bag + "/" + words.get(2));
            } else {
                session.bags().deleteBag(bag);
                context.console().info("Deleted data bag " + bag);
            }
        }
        return ExitCodes.OK;
    }
}
