package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.keys.KeyRef;
import dev.messer.regions.Behind;

/** {@code messer encryption create aws|local KEY_NAME}. */
final class EncryptionCreateCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.KEY_NAME);


    EncryptionCreateCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        try (Session<?> session = context.session(words.get(0))) {
            Behind<KeyRef> written = session.keys().create(words.get(1));
            context.console().info("Created encryption key " + written.result() + " in "
                    + session.backend().keys().describe() + " (master key " + session.backend().masterKey().describe()
                    + ")" + RegionsBehind.copies(session));
            return RegionsBehind.report(context, words.get(0), written);
        }
    }
}
