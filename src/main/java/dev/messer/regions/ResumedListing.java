package dev.messer.regions;

import dev.messer.store.BlobStore;
import dev.messer.store.LatestVersion;
import java.util.function.Predicate;

/**
 * One listing handed out key by key across the regions that serve it in turn: each region's listing
 * resumes past the last key handed out, so a region that fails part-way is followed by the next with
 * no key handed twice and none skipped. Keys are compared by their UTF-8 bytes, the order S3 lists
 * them in. What the caller's own test throws is carried past the fail-over as a
 * {@link CallerFailure}: a read the caller makes of another object is not an outage of the listing.
 */
final class ResumedListing {

    private final String prefix;
    private final Predicate<String> each;
    private String last;

    ResumedListing(String prefix, Predicate<String> each) {
        this.prefix = prefix;
        this.each = each;
    }

    /**
     * Hands out the keys of {@code store} that come after the last one handed out, until the caller
     * answers false or the listing ends.
     *
     * @return how many keys this store handed out: none from a secondary region means it lags
     */
    int from(BlobStore store) {
        int[] handed = new int[1];
        store.forEachKey(prefix, key -> {
            if (last != null && LatestVersion.KEY_ORDER.compare(key, last) <= 0) {
                return true;
            }
            last = key;
            handed[0]++;
            try {
                return each.test(key);
            } catch (RuntimeException e) {
                throw new CallerFailure(e);
            }
        });
        return handed[0];
    }

    /** Carries what the caller's test threw out of the regions' loop, to be thrown as it was. */
    static final class CallerFailure extends RuntimeException {

        CallerFailure(RuntimeException cause) {
            super(null, cause, false, false);
        }

        RuntimeException failure() {
            return (RuntimeException) getCause();
        }
    }
}
