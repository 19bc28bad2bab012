package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.keys.KeyRef;

/** {@code messer encryption increment aws|local KEY_NAME}: adds version latest+1. */
final class EncryptionIncrementCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.KEY_NAME);


    EncryptionIncrementCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        try (Session<?> session = context.session(words.get(0))) {
            KeyRef ref = session.keyRing().increment(words.get(1));
            context.console().info("Created encryption key " + ref + " in " + session.backend().keys().describe());
        }
        return ExitCodes.OK;
    }
}
