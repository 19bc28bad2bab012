package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.keys.KeyRef;

/** {@code messer encryption create aws|local KEY_NAME}. */
final class EncryptionCreateCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.KEY_NAME);


    EncryptionCreateCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        try (Session<?> session = context.session(words.get(0))) {
            KeyRef ref = session.keyRing().create(words.get(1));
            context.console().info("Created encryption key " + ref + " in " + session.backend().keys().describe()
                    + " (master key " + session.backend().masterKey().describe() + ")");
        }
        return ExitCodes.OK;
    }
}
