package dev.messer.bulk;

/**
 * The outcome for one item, with a one-line detail (never secret material).
 *
 * @param upToDate for a skipped item: true when there was nothing to do (already on its target,
 *                 identical at the destination), false when it was left alone for a reason the user
 *                 should see (changed meanwhile, differs at the destination)
 */
public record ItemResult(ItemPath item, Outcome outcome, String detail, boolean upToDate) {

    public static ItemResult done(ItemPath item, String detail) {
        return new ItemResult(item, Outcome.DONE, detail, false);
    }

    /** Skipped because it already is what the run would make it. */
    public static ItemResult upToDate(ItemPath item, String detail) {
        return new ItemResult(item, Outcome.SKIPPED, detail, true);
    }

    /** Skipped and left alone for a reason to report. */
    public static ItemResult skipped(ItemPath item, String detail) {
        return new ItemResult(item, Outcome.SKIPPED, detail, false);
    }

    public static ItemResult failed(ItemPath item, String detail) {
        return new ItemResult(item, Outcome.FAILED, detail, false);
    }

    @Override
    public String toString() {
        return item + ": " + detail;
    }
}
