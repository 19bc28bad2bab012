package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.keys.KeyRef;
import dev.messer.app.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code messer data bag rollback aws|local BAG ITEM VERSION}: stores the content of an old version
 * again, sealed with the latest version of its key, as a new version conditional on the current one.
 */
final class DataBagRollbackCommand extends CommandBase {

    static final String GRAMMAR = "messer data bag rollback aws|local BAG ITEM VERSION";

    @Parameter(description = "aws|local BAG ITEM VERSION")
    List<String> words = new ArrayList<>();

    @Override
    public int run(CommandContext context) {
        Positionals.require(words, 4, 4, GRAMMAR);
        Positionals.names(words, 1, "bag name", "item id");
        String bag = words.get(1);
        String id = words.get(2);
        String version = words.get(3);
        try (Session<?> session = context.session(words.get(0))) {
            KeyRef key = session.history().rollback(bag, id, version);
            context.console().info("Rolled item " + bag + "/" + id + " back to version " + version + ", sealed with key "
                    + key + "; 'messer data bag history' lists it as the newest version.");
        }
        return ExitCodes.OK;
    }
}
