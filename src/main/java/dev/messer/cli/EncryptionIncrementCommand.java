package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.keys.KeyRef;
import dev.messer.regions.Behind;

/** {@code messer encryption increment aws|local KEY_NAME}: adds version latest+1. */
final class EncryptionIncrementCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.KEY_NAME);


    EncryptionIncrementCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        try (Session<?> session = context.session(words.get(0))) {
            Behind<KeyRef> written = session.keys().increment(words.get(1));
            context.console().info("Created encryption key " + written.result() + " in "
                    + session.backend().keys().describe() + RegionsBehind.copies(session));
            return RegionsBehind.report(context, words.get(0), written);
        }
    }
}
