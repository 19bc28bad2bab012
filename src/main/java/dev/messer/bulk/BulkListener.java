package dev.messer.bulk;

/** Hears a bulk run advance, for progress displays. Called from worker threads. */
public interface BulkListener {

    BulkListener NONE = new BulkListener() {
    };

    /** A phase ("reading", "re-encrypting", "copying") starts over {@code total} units. */
    default void phase(String name, int total) {
    }

    /** One unit of the current phase finished. */
    default void advanced() {
    }

    /** The run is over (the display can end its line). */
    default void finished() {
    }
}
