package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import dev.messer.error.NotFoundException;
import java.util.ArrayList;
import java.util.List;

/** {@code messer encryption list aws|local [KEY_NAME]}: key names, or the versions of one key, one per line. */
final class EncryptionListCommand extends CommandBase {

    @Parameter(description = "aws|local [KEY_NAME]")
    List<String> words = new ArrayList<>();

    @Override
    public int run(CommandContext context) {
        Positionals.require(words, 1, 2, "messer encryption list aws|local [KEY_NAME]");
        Positionals.names(words, 1, "key name");
        try (Session<?> session = context.session(words.get(0))) {
            if (words.size() == 1) {
                session.keyRing().names().forEach(context.console()::data);
                return ExitCodes.OK;
            }
            String name = words.get(1);
            List<Integer> versions = session.keyRing().versions(name);
            if (versions.isEmpty()) {
                throw new NotFoundException("encryption key " + name + " does not exist in "
                        + session.backend().keys().describe() + "; create it with 'messer encryption create <provider> " + name + "'");
            }
            versions.forEach(v -> context.console().data(String.valueOf(v)));
        }
        return ExitCodes.OK;
    }
}
