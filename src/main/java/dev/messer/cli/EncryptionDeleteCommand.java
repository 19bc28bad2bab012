package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import dev.messer.error.NotFoundException;
import dev.messer.keys.KeyRef;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code messer encryption delete aws|local KEY_NAME [KEY_VERSION] [--no-prompt]}. Asks on the
 * terminal first; with no terminal it refuses unless {@code --no-prompt}.
 */
final class EncryptionDeleteCommand extends CommandBase {

    @Parameter(description = "aws|local KEY_NAME [KEY_VERSION]")
    List<String> words = new ArrayList<>();

    @Parameter(names = "--no-prompt", description = "Delete without asking for confirmation")
    boolean noPrompt;

    @Override
    public int run(CommandContext context) {
        Positionals.require(words, 2, 3, "messer encryption delete aws|local KEY_NAME [KEY_VERSION] [--no-prompt]");
        Positionals.names(words, 1, "key name");
        String name = words.get(1);
        Integer version = words.size() == 3 ? parseVersion(words.get(2)) : null;
        try (Session<?> session = context.session(words.get(0))) {
            String what = version == null ? "encryption key " + name + " (every version)"
                    : "encryption key " + new KeyRef(name, version);
            if (version == null) {
                session.keyRing().latest(name);
            } else if (!session.keyRing().exists(new KeyRef(name, version))) {
                throw new NotFoundException(what + " does not exist in " + session.backend().keys().describe()
                        + "; see 'messer encryption list <provider> " + name + "'");
            }
            if (!noPrompt && !Confirm.ask(context.console(), "Delete " + what + " from "
                    + session.backend().keys().describe() + "? Items encrypted with it can no longer be decrypted.")) {
                context.console().info("Nothing deleted.");
                return ExitCodes.FAILURE;
            }
            if (version == null) {
                List<KeyRef> deleted = session.keyRing().deleteKey(name);
                context.console().info("Deleted encryption key " + name + " (" + deleted.size() + " versions)");
            } else {
                session.keyRing().deleteVersion(new KeyRef(name, version));
                context.console().info("Deleted " + what);
            }
        }
        return ExitCodes.OK;
    }

    private static int parseVersion(String text) {
        try {
            int v = Integer.parseInt(text);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("key version '" + text + "' is not a version number (0, 1, 2, ...)");
        }
    }
}
