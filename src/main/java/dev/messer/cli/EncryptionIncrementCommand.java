package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import dev.messer.keys.KeyRef;
import java.util.ArrayList;
import java.util.List;

/** {@code messer encryption increment aws|local KEY_NAME}: adds version latest+1. */
final class EncryptionIncrementCommand extends CommandBase {

    @Parameter(description = "aws|local KEY_NAME")
    List<String> words = new ArrayList<>();

    @Override
    public int run(CommandContext context) {
        Positionals.require(words, 2, 2, "messer encryption increment aws|local KEY_NAME");
        Positionals.names(words, 1, "key name");
        try (Session<?> session = context.session(words.get(0))) {
            KeyRef ref = session.keyRing().increment(words.get(1));
            context.console().info("Created encryption key " + ref + " in " + session.backend().keys().describe());
        }
        return ExitCodes.OK;
    }
}
