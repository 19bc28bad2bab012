package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.KeysBucketScope;
import dev.messer.app.Session;
import dev.messer.bulk.KeyScope;
import dev.messer.bulk.KeyUsage;
import dev.messer.error.ConflictException;
import dev.messer.error.Hint;
import dev.messer.error.NotFoundException;
import dev.messer.keys.KeyRef;
import dev.messer.regions.Behind;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code messer encryption delete aws|local KEY_NAME [KEY_VERSION] [--no-prompt] [--force] [--drop-history] [--dry-run]}.
 * Reads every item of the secrets bucket and every kept version of them, deleted items included,
 * in each tier and folder that may take its keys from this keys bucket. Refuses to delete what
 * items use unless {@code --force}, and what only kept versions use unless {@code --drop-history};
 * {@code --dry-run} prints the counts and deletes nothing. Asks on the terminal first; with no
 * terminal it refuses unless {@code --no-prompt}.
 */
final class EncryptionDeleteCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.KEY_NAME,
            Positional.word("KEY_VERSION").optional()).options("[--no-prompt] [--force] [--drop-history] [--dry-run]");


    @Parameter(names = "--no-prompt", description = "Delete without asking for confirmation")
    boolean noPrompt;

    @Parameter(names = "--force", description = "Delete even if items of the secrets bucket still use it")
    boolean force;

    @Parameter(names = "--drop-history", description = "Delete even if kept versions of items still use it "
            + "(their history and rollback stop working)")
    boolean dropHistory;

    @Parameter(names = "--dry-run", description = "Print how many items and kept versions use it, and delete nothing")
    boolean dryRun;

    EncryptionDeleteCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        String name = words.get(1);
        Integer version = words.size() == 3 ? Positional.keyVersion(words.get(2)) : null;
        Console console = context.console();
        try (Session<?> session = context.session(words.get(0))) {
            String what = version == null ? "encryption key " + name + " (every version)"
                    : "encryption key " + new KeyRef(name, version);
            if (version == null) {
                session.keyRing().latest(name);
            } else if (!session.keyRing().exists(new KeyRef(name, version))) {
                throw new NotFoundException(what + " does not exist in " + session.backend().keys().describe(),
                        Hint.of("see {}", Hint.command("encryption list", name)));
            }
            KeyScope scope = KeysBucketScope.of(session, context.loadConfig(), context.resolver(),
                    context.sessions(session.settings().provider()));
            KeyUsage usage = KeyUsage.scan(session.backend().secrets(), name,
                    version == null ? OptionalInt.empty() : OptionalInt.of(version), scope,
                    BulkProgressPrinter.forConsole(console));
            String secrets = session.backend().secrets().describe();
            String counted = "used by " + usage.describe() + " in " + secrets + " (" + usage.describeScope() + ")";
            if (dryRun) {
                console.report("would delete " + what + ": " + counted);
                return ExitCodes.OK;
            }
            refuseWhatIsInUse(what, counted, usage);
            if (usage.items() > 0) {
                console.error("warning: " + usage.describeItems() + " will no longer decrypt");
            }
            if (usage.keptVersions() > 0) {
                console.error("warning: " + usage.describeKept() + " will no longer decrypt: history (show --at, "
                        + "diff) and rollback to those versions stop working");
            }
            if (!noPrompt && !Confirm.ask(console, "Delete " + what + " from "
                    + session.backend().keys().describe() + "? Items encrypted with it can no longer be decrypted.")) {
                console.info("Nothing deleted.");
                return ExitCodes.FAILURE;
            }
            if (version == null) {
                Behind<List<KeyRef>> deleted = session.keys().deleteKey(name);
                console.info("Deleted encryption key " + name + " (" + deleted.result().size() + " versions)"
                        + RegionsBehind.copies(session));
                return RegionsBehind.report(context, words.get(0), deleted);
            }
            Behind<KeyRef> deleted = session.keys().deleteVersion(new KeyRef(name, version));
            console.info("Deleted " + what + RegionsBehind.copies(session));
            return RegionsBehind.report(context, words.get(0), deleted);
        }
    }

    /**
     * Items need {@code --force}; kept versions need {@code --drop-history}, so that cleaning up after
     * a rotation never needs {@code --force}.
     */
    private void refuseWhatIsInUse(String what, String counted, KeyUsage usage) {
        if (usage.items() > 0 && !force) {
            throw new ConflictException(what + " is still " + counted, Hint.of("move them to another version ({} in "
                    + "each tier) or delete them first, or add --force" + (usage.keptVersions() > 0 && !dropHistory
                    ? " --drop-history" : "") + " to delete it anyway", Hint.command("bulk re-encrypt")));
        }
        if (usage.keptVersions() > 0 && !dropHistory) {
            throw new ConflictException(what + " is still " + counted + "; deleting it stops history (show --at, "
                    + "diff) and rollback to those versions from working: keep it, or add --drop-history to delete it "
                    + "anyway");
        }
    }
}
