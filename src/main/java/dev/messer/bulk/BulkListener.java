package dev.messer.bulk;

/** Hears a bulk run advance, for progress displays. Called from worker threads. */
public interface BulkListener {

    BulkListener NONE = new BulkListener() {
    };

    /**
     * A run starts; {@code summary} tells, whenever asked and from any thread, what it did so far as
     * one line, for a run that ends before it reports (interrupted, or failed as a whole).
     */
    default void started(java.util.function.Supplier<String> summary) {
    }

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
