package dev.messer.bulk;

/** What happened to one item in a bulk run (in a dry run: what would happen). */
public enum Outcome {
    /** Rewritten or copied (dry run: would be). */
    DONE,
    /** Left alone on purpose: already on its target, identical at the destination, or changed meanwhile. */
    SKIPPED,
    /** Could not be processed; the detail says why. */
    FAILED
}
