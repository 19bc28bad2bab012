package dev.messer.bulk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The item results of a bulk run as counts, with the items worth naming kept in a bounded list:
 * a run over any number of items holds a fixed amount of them.
 *
 * @param upToDate how many of the skipped items were already what the run would make them
 * @param listed   the items to name, sorted by path: in a dry run every item, in a real run the
 *                 failed ones and those left alone for a reason (at most {@link ResultTally}'s bound)
 * @param unlisted items that were to be named but did not fit the bound
 */
public record ResultCounts(long done, long skipped, long upToDate, long failed, List<ItemResult> listed,
                           long unlisted) {

    static final Comparator<ItemResult> BY_PATH =
            Comparator.comparing((ItemResult r) -> r.item().bag()).thenComparing(r -> r.item().id());

    public ResultCounts {
        listed = List.copyOf(listed);
    }

    public long total() {
        return done + skipped + failed;
    }

    public long count(Outcome outcome) {
        return switch (outcome) {
            case DONE -> done;
            case SKIPPED -> skipped;
            case FAILED -> failed;
        };
    }

    static ResultCounts sum(List<ResultCounts> parts) {
        long done = 0;
        long skipped = 0;
        long upToDate = 0;
        long failed = 0;
        long unlisted = 0;
        List<ItemResult> listed = new ArrayList<>();
        for (ResultCounts part : parts) {
            done += part.done;
            skipped += part.skipped;
            upToDate += part.upToDate;
            failed += part.failed;
            unlisted += part.unlisted;
            listed.addAll(part.listed);
        }
        return new ResultCounts(done, skipped, upToDate, failed, listed, unlisted);
    }
}
