package dev.messer.cli;

import dev.messer.error.Hint;
import dev.messer.store.StoreNotices;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Prints what the stores reported during one command: each invalid name on its own stderr line
 * (always, already escaped), and the format-1 warning once per command (muted by --silent).
 */
final class NoticePrinter implements StoreNotices {

    private final Console console;
    private final Hints hints;
    private final AtomicBoolean version1Warned = new AtomicBoolean();
    private final AtomicBoolean unpinnedWarned = new AtomicBoolean();

    /** @param hints renders the upgrade hint for the provider of the stores */
    NoticePrinter(Console console, Hints hints) {
        this.console = console;
        this.hints = hints;
    }

    @Override
    public synchronized void invalidName(String what, String escaped, String where) {
        console.error("messer: invalid " + what + " '" + escaped + "' in " + where + " left out (names use A-Z a-z 0-9 _ . -)");
    }

    /** Muted by --silent, as the read succeeded. */
    @Override
    public void failedOver(String line) {
        console.info("messer: " + line);
    }

    @Override
    public void version1Item(String where) {
        if (version1Warned.compareAndSet(false, true)) {
            synchronized (this) {
                console.info("warning: " + hints.message(where + " is in item format 1, which is not bound to its path",
                        Hint.of("upgrade with {}, then set min_item_format = 2", Hint.command("bulk re-encrypt"))));
            }
        }
    }

    @Override
    public void unpinnedRecoveryKey(String fingerprint, String where) {
        if (unpinnedWarned.compareAndSet(false, true)) {
            synchronized (this) {
                console.info("warning: " + hints.message("no recovery wrap was written: " + where + " holds recovery key "
                        + fingerprint + ", but this profile pins none", Hint.of("pin it with {} (or set "
                        + "recovery_key_fingerprint), then add the missing wraps with {}", Hint.command("recovery set",
                        "PUBLIC_KEY_FILE"), Hint.command("encryption rewrap", "--add-recovery"))));
            }
        }
    }
}
