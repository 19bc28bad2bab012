package dev.messer.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts item results as workers hand them in, keeping only the ones to name and at most
 * {@code maxListed} of those. A dry run keeps every result, since it lists every item.
 * Thread-safe.
 */
final class ResultTally {

    /** How many items a real run names (failed, or left alone for a reason); the rest are counted. */
    static final int MAX_LISTED = 1000;

    private final boolean keepAll;
    private final int maxListed;
    private final List<ItemResult> listed = new ArrayList<>();
    private long done;
    private long skipped;
    private long upToDate;
    private long failed;
    private long unlisted;

    ResultTally(boolean dryRun) {
        this(dryRun, MAX_LISTED);
    }

    ResultTally(boolean dryRun, int maxListed) {
        this.keepAll = dryRun;
        this.maxListed = maxListed;
    }

    synchronized void add(ItemResult result) {
        switch (result.outcome()) {
            case DONE -> done++;
            case SKIPPED -> skipped++;
            case FAILED -> failed++;
        }
        if (result.upToDate()) {
            upToDate++;
        }
        boolean named = result.outcome() == Outcome.FAILED
                || (result.outcome() == Outcome.SKIPPED && !result.upToDate());
        if (keepAll || (named && listed.size() < maxListed)) {
            listed.add(result);
        } else if (named) {
            unlisted++;
        }
    }

    synchronized ResultCounts counts() {
        List<ItemResult> sorted = new ArrayList<>(listed);
        sorted.sort(ResultCounts.BY_PATH);
        return new ResultCounts(done, skipped, upToDate, failed, sorted, unlisted);
    }
}
