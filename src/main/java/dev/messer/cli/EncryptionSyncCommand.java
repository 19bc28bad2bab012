package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.regions.Behind;
import dev.messer.regions.KeyDrift;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * {@code messer encryption sync aws|local}: brings every other region of a profile that spans
 * regions up to date with the home region's data keys: copies the versions a region lacks (unwrapped
 * in the home region, wrapped by that region's key), retires those deleted in the home region, and
 * reports, without overwriting, a version that holds another key. Running it again changes nothing.
 */
final class EncryptionSyncCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER);

    EncryptionSyncCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        Console console = context.console();
        try (Session<?> session = context.session(words.get(0))) {
            if (session.settings().regions().isEmpty()) {
                console.info("The profile has one region: there is nothing to sync.");
                return ExitCodes.OK;
            }
            Set<String> differing = new TreeSet<>();
            SortedMap<String, String> failed = session.keys().sync(drift -> {
                console.report(drift.region() + " " + drift.ref() + ": " + drift.kind().state() + ", "
                        + drift.kind().action());
                if (drift.kind() == KeyDrift.Kind.DIFFERS) {
                    differing.add(drift.region());
                }
            });
            if (failed.isEmpty()) {
                console.info("Every region holds the home region's data keys ("
                        + String.join(" ", session.settings().regions()) + ").");
            }
            return RegionsBehind.report(context, words.get(0), new Behind<>(null, failed), differing,
                    session.settings().regions().get(0));
        }
    }
}
