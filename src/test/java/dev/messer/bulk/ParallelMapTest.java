package dev.messer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.databag.Bags;
import dev.messer.store.StoreNotices;
import dev.messer.store.StreamedListingStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ParallelMapTest {

    private final TestProfile profile = new TestProfile("dev");
    private final StreamedListingStore streamed = new StreamedListingStore(profile.secrets,
            profile.layout.bagsPrefix());
    private final Bags bags = new Bags(streamed, profile.layout, StoreNotices.NONE);
    private final List<String> phases = Collections.synchronizedList(new ArrayList<>());
    private final BulkListener listener = new BulkListener() {
        @Override
        public void phase(String name, int total) {
            phases.add(name + " " + total);
        }
    };

    @Test
    void everyItemOf1500_isHandedOnce_fromOneStreamedListing_neverTheWholeListingAtOnce() {
        for (int i = 0; i < 1500; i++) {
            put("bag" + (i % 7), String.format("item%04d", i));
        }
        profile.bucket().bags.createBag("empty");
        Map<ItemPath, String> seen = new ConcurrentHashMap<>();

        SortedSet<String> names = ParallelMap.forEachItem(bags, bag -> true, 4, "reading", listener,
                ItemPath::toString, result -> false, (path, result) -> assertThat(seen.put(path, result)).isNull());

        assertThat(seen).hasSize(1500).containsEntry(new ItemPath("bag6", "item1497"),
                "bag6/item1497");
        assertThat(names).containsExactly("bag0", "bag1", "bag2", "bag3", "bag4", "bag5", "bag6", "empty");
        assertThat(phases).containsExactly("reading 1500");
        assertThat(streamed.handedOut()).isEqualTo(1501);
    }

    @Test
    void onlyTheBagsInScope_andTheirItems_areHandedOut() {
        for (String bag : List.of("a", "b", "c")) {
            put(bag, "x");
            put(bag, "y");
        }
        profile.bucket().bags.createBag("d");
        Set<ItemPath> seen = ConcurrentHashMap.newKeySet();

        SortedSet<String> names = ParallelMap.forEachItem(bags, bag -> !bag.equals("b"), 2, "reading", listener,
                path -> path, result -> false, (path, result) -> seen.add(result));

        assertThat(names).containsExactly("a", "c", "d");
        assertThat(seen).containsExactlyInAnyOrder(new ItemPath("a", "x"), new ItemPath("a", "y"),
                new ItemPath("c", "x"), new ItemPath("c", "y"));
        assertThat(phases).containsExactly("reading 4");
    }

    @Test
    void anItemThrottledPastItsRetries_goesBackOnTheQueue_beforeItsResultStands() {
        put("web", "a");
        put("web", "b");
        Set<ItemPath> throttledOnce = ConcurrentHashMap.newKeySet();
        Map<ItemPath, String> results = new ConcurrentHashMap<>();

        ParallelMap.forEachItem(bags, bag -> true, 2, "reading", listener,
                path -> path.id().equals("b") && throttledOnce.add(path) ? "throttled" : "read",
                "throttled"::equals, results::put);

        assertThat(results).containsOnly(Map.entry(new ItemPath("web", "a"), "read"),
                Map.entry(new ItemPath("web", "b"), "read"));
        assertThat(phases).containsExactly("reading 2", "reading (throttled, again) 1");
    }

    private void put(String bag, String id) {
        profile.secrets.put(profile.layout.itemKey(bag, id), new byte[0], Map.of());
    }
}
