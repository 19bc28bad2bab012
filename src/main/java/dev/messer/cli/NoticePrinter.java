package dev.messer.cli;

import dev.messer.store.StoreNotices;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Prints what the stores reported during one command: each invalid name on its own stderr line
 * (always, already escaped), and the format-1 warning once per command (muted by --silent).
 */
final class NoticePrinter implements StoreNotices {

    private final Console console;
    private final String provider;
    private final AtomicBoolean version1Warned = new AtomicBoolean();

    NoticePrinter(Console console, String provider) {
        this.console = console;
        this.provider = provider;
    }

    @Override
    public synchronized void invalidName(String what, String escaped, String where) {
        console.error("messer: invalid " + what + " '" + escaped + "' in " + where + " left out (names use A-Z a-z 0-9 _ . -)");
    }

    @Override
    public void version1Item(String where) {
        if (version1Warned.compareAndSet(false, true)) {
            synchronized (this) {
                console.info("warning: " + where + " is in item format 1, which is not bound to its path; upgrade with "
                        + "'messer bulk re-encrypt " + provider + "', then set min_item_format = 2");
            }
        }
    }
}
