package dev.messer.bulk;

import dev.messer.error.MesserException;
import dev.messer.error.ThrottledException;
import dev.messer.error.UnreachableException;

/**
 * The outcome for one item, with a one-line detail (never secret material).
 *
 * @param upToDate for a skipped item: true when there was nothing to do (already on its target,
 *                 identical at the destination), false when it was left alone for a reason the user
 *                 should see (changed meanwhile, differs at the destination)
 * @param throttled for a failed item: AWS throttled it past the retries, so it may be tried again
 * @param unreachable for a failed item: the service and endpoint that could not be reached ("S3 at URL"),
 *                    which says nothing about the item; {@code null} otherwise
 */
public record ItemResult(ItemPath item, Outcome outcome, String detail, boolean upToDate, boolean throttled,
                         String unreachable) {

    public ItemResult(ItemPath item, Outcome outcome, String detail, boolean upToDate, boolean throttled) {
        this(item, outcome, detail, upToDate, throttled, null);
    }

    public static ItemResult done(ItemPath item, String detail) {
        return new ItemResult(item, Outcome.DONE, detail, false, false);
    }

    /** Skipped because it already is what the run would make it. */
    public static ItemResult upToDate(ItemPath item, String detail) {
        return new ItemResult(item, Outcome.SKIPPED, detail, true, false);
    }

    /** Skipped and left alone for a reason to report. */
    public static ItemResult skipped(ItemPath item, String detail) {
        return new ItemResult(item, Outcome.SKIPPED, detail, false, false);
    }

    public static ItemResult failed(ItemPath item, String detail) {
        return new ItemResult(item, Outcome.FAILED, detail, false, false);
    }

    /** Failed because AWS kept throttling it: a bulk run puts it back on the queue a few times. */
    public static ItemResult throttled(ItemPath item, String detail) {
        return new ItemResult(item, Outcome.FAILED, detail, false, true);
    }

    /** The result for a failure: throttled or plainly failed. */
    static ItemResult failure(ItemPath item, MesserException e) {
        if (e instanceof UnreachableException unreachable) {
            return new ItemResult(item, Outcome.FAILED, e.getMessage(), false, false, unreachable.endpoint());
        }
        return e instanceof ThrottledException ? throttled(item, e.getMessage()) : failed(item, e.getMessage());
    }

    @Override
    public String toString() {
        return item + ": " + detail;
    }
}
