package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import java.util.List;

/**
 * {@code messer data bag delete aws|local BAG [ITEM [--purge]] [--recursive [--no-prompt]]}: an item,
 * or a bag that has no items left. With {@code --purge} the item's kept versions go too (and a
 * deleted item's history). With {@code --recursive} a bag goes with its items, after a confirmation
 * on the terminal (or {@code --no-prompt}); the items' kept versions stay, as for a single delete.
 */
final class DataBagDeleteCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.BAG, Positional.ITEM.optional())
            .options("[--purge] [--recursive [--no-prompt]]");


    @Parameter(names = "--purge", description = "Also remove every kept version of the item; it cannot be rolled back")
    boolean purge;

    @Parameter(names = "--recursive", description = "Delete the bag with every item in it (asks first on a terminal)")
    boolean recursive;

    @Parameter(names = "--no-prompt", description = "With --recursive: delete without asking for confirmation")
    boolean noPrompt;

    DataBagDeleteCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        if (purge && words.size() != 3) {
            throw UsageException.withUsage("--purge applies to one item");
        }
        if (recursive && words.size() != 2) {
            throw UsageException.withUsage("--recursive deletes a whole bag: name the BAG only");
        }
        if (noPrompt && !recursive) {
            throw UsageException.withUsage("--no-prompt applies to --recursive");
        }
        String bag = words.get(1);
        try (Session<?> session = context.session(words.get(0))) {
            if (purge) {
                session.history().purge(bag, words.get(2));
                context.console().info("Deleted data bag item " + bag + "/" + words.get(2) + " and its history");
            } else if (words.size() == 3) {
                session.items().delete(bag, words.get(2));
                context.console().info("Deleted data bag item " + bag + "/" + words.get(2));
            } else if (recursive) {
                return deleteWithItems(context.console(), session, bag);
            } else {
                session.bags().deleteBag(bag);
                context.console().info("Deleted data bag " + bag);
            }
        }
        return ExitCodes.OK;
    }

    private int deleteWithItems(Console console, Session<?> session, String bag) {
        List<String> items = session.bags().listItems(bag);
        String what = "data bag " + bag + (items.isEmpty() ? "" : " and its " + items.size() + " item(s): "
                + String.join(", ", items));
        if (!items.isEmpty() && !noPrompt && !Confirm.ask(console, "Delete " + what + "?")) {
            console.info("Nothing deleted.");
            return ExitCodes.FAILURE;
        }
        for (String id : items) {
            session.items().delete(bag, id);
        }
        session.bags().deleteBag(bag);
        console.info("Deleted " + what);
        return ExitCodes.OK;
    }
}
