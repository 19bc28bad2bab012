package dev.messer.store;

/**
 * What a command should tell the user about the stores it read without failing: names that break
 * the naming rule (left out of listings), and items in the unbound format 1. The command line
 * prints them on stderr; the domain only reports them.
 */
public interface StoreNotices {

    StoreNotices NONE = new StoreNotices() {
    };

    /**
     * A stored name left out of a listing because it breaks the naming rule.
     *
     * @param escaped the name with control and non-ASCII characters escaped ({@code \x1b})
     */
    default void invalidName(String what, String escaped, String where) {
    }

    /** A read was served by a region other than the nearest one, which did not answer (one line). */
    default void failedOver(String line) {
    }

    /** An item in format 1 (not bound to its path) was opened. */
    default void version1Item(String where) {
    }

    /**
     * A key version was written without a recovery wrap although the keys bucket holds a recovery
     * public key, because the profile pins none ({@code recovery_key_fingerprint}).
     */
    default void unpinnedRecoveryKey(String fingerprint, String where) {
    }
}
