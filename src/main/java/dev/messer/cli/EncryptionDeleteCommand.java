package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import dev.messer.databag.KeyUsage;
import dev.messer.error.ConflictException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.KeyRef;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code messer encryption delete aws|local KEY_NAME [KEY_VERSION] [--no-prompt] [--force] [--dry-run]}.
 * Refuses to delete what items of the secrets bucket still use (every tier and folder) unless
 * {@code --force}; {@code --dry-run} prints the count and deletes nothing. Asks on the terminal
 * first; with no terminal it refuses unless {@code --no-prompt}.
 */
final class EncryptionDeleteCommand extends CommandBase {

    @Parameter(description = "aws|local KEY_NAME [KEY_VERSION]")
    List<String> words = new ArrayList<>();

    @Parameter(names = "--no-prompt", description = "Delete without asking for confirmation")
    boolean noPrompt;

    @Parameter(names = "--force", description = "Delete even if items of the secrets bucket still use it")
    boolean force;

    @Parameter(names = "--dry-run", description = "Print how many items use it, and delete nothing")
    boolean dryRun;

    @Override
    public int run(CommandContext context) {
        Positionals.require(words, 2, 3, "messer encryption delete aws|local KEY_NAME [KEY_VERSION] [--no-prompt] [--force] [--dry-run]");
        Positionals.names(words, 1, "key name");
        String name = words.get(1);
        Integer version = words.size() == 3 ? Positionals.keyVersion(words.get(2)) : null;
        try (Session<?> session = context.session(words.get(0))) {
            String what = version == null ? "encryption key " + name + " (every version)"
                    : "encryption key " + new KeyRef(name, version);
            if (version == null) {
                session.keyRing().latest(name);
            } else if (!session.keyRing().exists(new KeyRef(name, version))) {
                throw new NotFoundException(what + " does not exist in " + session.backend().keys().describe()
                        + "; see 'messer encryption list <provider> " + name + "'");
            }
            KeyUsage usage = KeyUsage.scan(session.backend().secrets(), name,
                    version == null ? OptionalInt.empty() : OptionalInt.of(version));
            String secrets = session.backend().secrets().describe();
            if (dryRun) {
                context.console().data("would delete " + what + ": used by " + usage.describe() + " in " + secrets);
                return ExitCodes.OK;
            }
            if (usage.items() > 0 && !force) {
                throw new ConflictException(what + " is still used by " + usage.describe() + " in " + secrets
                        + "; move them to another version ('messer bulk re-encrypt " + words.get(0)
                        + "' in each tier) or delete them first, or add --force to delete it anyway");
            }
            if (usage.items() > 0) {
                context.console().error("warning: " + usage.describe() + " will no longer decrypt");
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
}
