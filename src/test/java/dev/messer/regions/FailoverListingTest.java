package dev.messer.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.NotFoundException;
import dev.messer.error.UnavailableException;
import dev.messer.store.BlobStore;
import dev.messer.store.ForwardingBlobStore;
import dev.messer.store.MemoryBlobStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The listing of a bucket that spans regions is streamed region by region as {@code list} reads
 * fail over: never taken whole, resumed past the last key handed out when a region fails part-way,
 * a secondary region that hands out nothing new counts as lagging, and an early stop ends it.
 */
class FailoverListingTest {

    private static final String HOME = "us-east-1";
    private static final String EU = "eu-west-1";
    private static final String AP = "ap-south-1";

    private final List<String> asked = new ArrayList<>();
    private final List<String> markedDown = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private final Map<String, RegionListing> regions = new LinkedHashMap<>();

    /** One region's bucket: hands out {@code keys} in the order given, then fails if told to; never lists whole. */
    private final class RegionListing extends ForwardingBlobStore {
        private final String region;
        private final List<String> keys;
        private final int failAfter;
        private final RuntimeException failure;
        private final List<String> handed = new ArrayList<>();

        RegionListing(String region, List<String> keys, int failAfter, RuntimeException failure) {
            super(new MemoryBlobStore());
            this.region = region;
            this.keys = keys;
            this.failAfter = failAfter;
            this.failure = failure;
        }

        @Override
        public List<String> list(String prefix) {
            throw new AssertionError("the whole listing of " + region + " was asked for at once");
        }

        @Override
        public void forEachKey(String prefix, Predicate<String> each) {
            asked.add(region);
            for (String key : keys) {
                if (handed.size() == failAfter) {
                    throw failure;
                }
                handed.add(key);
                if (!each.test(key)) {
                    return;
                }
            }
            if (failure != null && handed.size() == failAfter) {
                throw failure;
            }
        }
    }

    private void region(String region, List<String> keys) {
        regions.put(region, new RegionListing(region, keys, -1, null));
    }

    private void region(String region, List<String> keys, int failAfter, RuntimeException failure) {
        regions.put(region, new RegionListing(region, keys, failAfter, failure));
    }

    private FailoverBlobStore store(String nearest) {
        DownMarks marks = new DownMarks() {
            @Override
            public boolean isDown(String region) {
                return false;
            }

            @Override
            public void markDown(String region) {
                markedDown.add(region);
            }
        };
        RegionalReads reads = new RegionalReads(List.of(HOME, EU, AP), nearest, false, marks, notices::add);
        return new FailoverBlobStore(regions.get(HOME), Map.copyOf(regions), reads);
    }

    private List<String> listing(FailoverBlobStore store) {
        List<String> keys = new ArrayList<>();
        store.forEachKey("t/", keys::add);
        return keys;
    }

    private static UnavailableException outage() {
        return new UnavailableException("S3 failed ListObjectsV2 after the retries (connection reset)");
    }

    @Test
    void theNearestRegionsListing_isStreamed_andNoOtherRegionIsAsked() {
        region(HOME, List.of("t/a", "t/b", "t/c"));
        region(EU, List.of("t/a"));
        region(AP, List.of());
        assertThat(listing(store(HOME))).containsExactly("t/a", "t/b", "t/c");
        assertThat(asked).containsExactly(HOME);
        assertThat(markedDown).isEmpty();
        assertThat(notices).isEmpty();
    }

    @Test
    void aRegionThatFailsPartWay_isMarkedDown_andTheNextResumesWithNoKeyTwiceAndNoneSkipped() {
        region(HOME, List.of("t/a", "t/b", "t/c", "t/d"), 2, outage());
        region(EU, List.of("t/a", "t/b", "t/c", "t/d", "t/e"));
        region(AP, List.of("t/z"));
        assertThat(listing(store(HOME))).containsExactly("t/a", "t/b", "t/c", "t/d", "t/e");
        assertThat(asked).containsExactly(HOME, EU);
        assertThat(markedDown).containsExactly(HOME);
        assertThat(notices).singleElement().asString().startsWith("read from region eu-west-1: us-east-1 did not answer");
    }

    @Test
    void theResumedListing_comparesKeysByTheirUtf8Bytes_asS3OrdersThem() {
        // S3's order: U+FFFD (EF BF BD) before U+1F600 (F0 9F 98 80); Java's string order puts them the other way
        List<String> s3Order = List.of("t/a", "t/\uFFFD", "t/\uD83D\uDE00", "t/\uD83D\uDE01");
        region(HOME, s3Order, 2, outage());
        region(EU, s3Order);
        region(AP, List.of());
        assertThat(listing(store(HOME))).containsExactlyElementsOf(s3Order);
    }

    @Test
    void aSecondaryRegionThatHandsOutNothing_isLagging_andTheNextIsAsked() {
        region(EU, List.of());
        region(HOME, List.of("t/a", "t/b"));
        region(AP, List.of("t/x"));
        assertThat(listing(store(EU))).containsExactly("t/a", "t/b");
        assertThat(asked).containsExactly(EU, HOME);
        assertThat(markedDown).isEmpty();

        regions.clear();
        asked.clear();
        region(HOME, List.of("t/a", "t/b", "t/c"), 1, outage());
        region(EU, List.of("t/a"));
        region(AP, List.of("t/a", "t/b", "t/c"));
        assertThat(listing(store(HOME))).as("nothing new from a lagging region").containsExactly("t/a", "t/b", "t/c");
        assertThat(asked).containsExactly(HOME, EU, AP);
    }

    @Test
    void whenEveryRegionLeftIsEmpty_theListingEndsAsAnEmptyListWould() {
        region(EU, List.of());
        region(HOME, List.of(), 0, outage());
        region(AP, List.of());
        assertThat(listing(store(EU))).isEmpty();
        assertThat(asked).containsExactly(EU, HOME, AP);
    }

    @Test
    void whenEveryRegionFails_theFirstOutageIsThrown_afterTheKeysHandedOut() {
        UnavailableException first = outage();
        region(HOME, List.of("t/a", "t/b"), 1, first);
        region(EU, List.of("t/a", "t/b"), 0, outage());
        region(AP, List.of("t/a", "t/b"), 1, outage());
        List<String> keys = new ArrayList<>();
        assertThatThrownBy(() -> store(HOME).forEachKey("t/", keys::add)).isSameAs(first);
        assertThat(keys).containsExactly("t/a");
        assertThat(markedDown).containsExactly(HOME, EU, AP);
    }

    @Test
    void anEarlyStop_endsTheListing_withoutAskingAnotherRegion() {
        region(HOME, List.of("t/a", "t/b", "t/c"), 2, outage());
        region(EU, List.of("t/a", "t/b", "t/c"));
        region(AP, List.of("t/a", "t/b", "t/c"));
        List<String> keys = new ArrayList<>();
        store(HOME).forEachKey("t/", key -> keys.add(key) && keys.size() < 2);
        assertThat(keys).containsExactly("t/a", "t/b");
        assertThat(regions.get(HOME).handed).containsExactly("t/a", "t/b");
        assertThat(asked).containsExactly(HOME);
        assertThat(markedDown).isEmpty();
    }

    @Test
    void notFound_isFinalFromTheHomeRegionOnly() {
        NotFoundException noBucket = new NotFoundException("bucket acme-secrets-eu-west-1 not found");
        region(EU, List.of(), 0, noBucket);
        region(HOME, List.of("t/a"));
        region(AP, List.of());
        assertThat(listing(store(EU))).containsExactly("t/a");
        assertThat(asked).containsExactly(EU, HOME);

        regions.clear();
        NotFoundException noHomeBucket = new NotFoundException("bucket acme-secrets-us-east-1 not found");
        region(HOME, List.of("t/a", "t/b"), 1, noHomeBucket);
        region(EU, List.of("t/a", "t/b"));
        region(AP, List.of("t/a", "t/b"));
        assertThatThrownBy(() -> listing(store(HOME))).isSameAs(noHomeBucket);
    }

    @Test
    void theCallersOwnFailure_isNotAnOutageOfTheRegion() {
        region(HOME, List.of("t/a", "t/b"));
        region(EU, List.of("t/a", "t/b"));
        region(AP, List.of("t/a", "t/b"));
        UnavailableException itemRead = new UnavailableException("S3 failed GetObject on t/a after the retries");
        NotFoundException gone = new NotFoundException("item t/a not found");
        for (RuntimeException failure : List.of(itemRead, gone)) {
            asked.clear();
            assertThatThrownBy(() -> store(EU).forEachKey("t/", key -> {
                throw failure;
            })).isSameAs(failure);
            assertThat(asked).containsExactly(EU);
        }
        assertThat(markedDown).isEmpty();
    }
}
