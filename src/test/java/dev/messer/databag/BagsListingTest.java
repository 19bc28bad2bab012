package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.store.MemoryBlobStore;
import dev.messer.store.StoreNotices;
import dev.messer.store.StreamedListingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;

/** The streamed listing of a profile's bags and items: {@link Bags#forEachItem} and {@link Bags#hasItems}. */
class BagsListingTest {

    private final SecretsLayout layout = new SecretsLayout("dev", "secrets");
    private final MemoryBlobStore secrets = new MemoryBlobStore();
    private final StreamedListingStore streamed = new StreamedListingStore(secrets, layout.bagsPrefix());
    private final List<String> notices = new ArrayList<>();
    private final Bags bags = new Bags(streamed, layout, new StoreNotices() {
        @Override
        public void invalidName(String what, String escaped, String where) {
            notices.add(what + " " + escaped);
        }
    });

    @Test
    void forEachItem_handsOutEveryItem_andReturnsTheBags_emptyOnesIncluded_otherTiersAndDeeperKeysLeftOut() {
        put(layout.bagMarker("empty"));
        put(layout.itemKey("web", "a"));
        put(layout.itemKey("web", "b"));
        put("prod/secrets/other/x");
        put(layout.bagsPrefix() + "web/nested/deep");
        List<String> items = new ArrayList<>();

        SortedSet<String> names = bags.forEachItem((bag, id) -> items.add(bag + "/" + id));

        assertThat(names).containsExactly("empty", "web");
        assertThat(items).containsExactly("web/a", "web/b");
    }

    @Test
    void invalidNames_areReportedAfterTheListing_bagsByName_thenItemsBagByBag_asTheSortedListingReportedThem() {
        // the listing meets "aa/bad id" first, then "zz bag/", and "a-b/" before "a/"
        put(layout.itemKey("aa", "bad id"));
        put(layout.itemKey("zz bag", "x"));
        put(layout.itemKey("a-b", "bad\u001bid"));
        put(layout.itemKey("a", "also bad"));
        put(layout.itemKey("a b", "x"));
        put(layout.itemKey("a", "good"));
        List<String> items = new ArrayList<>();

        bags.forEachItem((bag, id) -> items.add(bag + "/" + id));

        assertThat(items).containsExactly("a/good");
        assertThat(notices).containsExactly("bag name a b", "bag name zz bag", "item id also bad",
                "item id bad\\x1bid", "item id bad id");
    }

    @Test
    void hasItems_stopsTheListingAtTheFirstItem() {
        put(layout.bagMarker("empty"));
        for (int i = 0; i < 500; i++) {
            put(layout.itemKey("web", "item" + i));
        }

        assertThat(bags.hasItems()).isTrue();

        // the marker dev/secrets/empty/, then the first item: nothing after it is read
        assertThat(streamed.handedOut()).isEqualTo(2);
    }

    @Test
    void hasItems_isFalse_forEmptyBags_andForNamesThatBreakTheRule_whichItReports() {
        assertThat(bags.hasItems()).isFalse();
        put(layout.bagMarker("empty"));
        put(layout.itemKey("web", "bad id"));
        put(layout.itemKey("bad bag", "x"));

        assertThat(bags.hasItems()).isFalse();
        assertThat(notices).containsExactly("bag name bad bag", "item id bad id");
    }

    private void put(String key) {
        secrets.put(key, new byte[0], Map.of());
    }
}
