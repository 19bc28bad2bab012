package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.app.Sessions;
import dev.messer.config.CommonSettings;
import dev.messer.config.ConfigWriter;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import dev.messer.error.Hint;
import dev.messer.error.MesserException;
import dev.messer.error.NotFoundException;
import java.util.Map;

/**
 * The {@code min_item_format} a profile that {@code configure} creates starts with. A new tier
 * starts with 2, so it never opens the unbound format-1 items of Messer: when nothing is stored
 * under the profile's prefix in the secrets bucket yet (one listing, through a session that never
 * prompts). When something is stored there, or the listing fails, it stays 1 (the default), for
 * a profile that points at data Messer wrote. {@link #choice} says which it chose and why.
 */
final class NewProfileItemFormat implements ConfigWriter.NewProfile {

    private final Sessions sessions;
    private final Hints hints;
    private String choice;

    /** @param sessions opens the new profile's store without asking for an MFA code or a passphrase */
    NewProfileItemFormat(Sessions sessions, Hints hints) {
        this.sessions = sessions;
        this.hints = hints;
    }

    @Override
    public Map<Setting, String> startingValues(Settings settings) {
        CommonSettings common = settings.common();
        if (common.itemFormat() < 2) {
            choice = "The new profile keeps min_item_format = 1, as it writes item_format = 1.";
            return Map.of();
        }
        String where;
        try (Session<?> session = sessions.open(settings)) {
            String prefix = session.layout().bagsPrefix();
            where = session.backend().secrets().describe() + "/" + prefix;
            if (!holdsAnything(session, prefix)) {
                choice = "The new profile starts with min_item_format = 2: nothing is stored under " + where
                        + " yet, so Messer's unbound format-1 items are refused; " + hints.render(Hint.of(
                        "if it is to read them, run {}", Hint.command("configure", "--min-item-format", "1")));
                return Map.of(Setting.MIN_ITEM_FORMAT, "2");
            }
        } catch (MesserException e) {
            choice = "The new profile keeps min_item_format = 1, since its secrets bucket could not be listed ("
                    + e.problem() + "); " + hints.render(Hint.of("if its tier is new, run {}",
                    Hint.command("configure", "--min-item-format", "2")));
            return Map.of();
        }
        choice = "The new profile keeps min_item_format = 1: " + where + " already holds items, which may be "
                + "Messer's format-1 items; " + hints.render(Hint.of("once none is left ({} tells), run {}",
                Hint.command("doctor"), Hint.command("configure", "--min-item-format", "2")));
        return Map.of();
    }

    /** What it chose and why, once a new profile was written; null when no profile was created. */
    String choice() {
        return choice;
    }

    /** A secrets bucket that does not exist yet holds nothing. */
    private static boolean holdsAnything(Session<?> session, String prefix) {
        try {
            return !session.backend().secrets().list(prefix).isEmpty();
        } catch (NotFoundException e) {
            return false;
        }
    }
}
