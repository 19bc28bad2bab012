package dev.messer.cli;

import dev.messer.error.Hint;
import dev.messer.keys.KeyRef;
import dev.messer.app.Session;

/**
 * {@code messer data bag rollback aws|local BAG ITEM VERSION}: stores the content of an old version
 * again, sealed with the latest version of its key, as a new version conditional on the current one.
 */
final class DataBagRollbackCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.BAG, Positional.ITEM,
            Positional.word("VERSION"));


    DataBagRollbackCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        String bag = words.get(1);
        String id = words.get(2);
        try (Session<?> session = context.session(words.get(0))) {
            String version = session.history().resolve(bag, id, words.get(3));
            KeyRef key = session.history().rollback(bag, id, version);
            context.console().info("Rolled item " + bag + "/" + id + " back to version " + version + ", sealed with key "
                    + key + "; " + context.hints().render(Hint.of("{} lists it as the newest version.",
                    Hint.command("data bag history", bag, id))));
        }
        return ExitCodes.OK;
    }
}
