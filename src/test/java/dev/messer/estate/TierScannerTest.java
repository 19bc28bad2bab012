package dev.messer.estate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.bulk.BulkListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TierScannerTest {

    private final TestTier tier = new TestTier();

    @AfterEach
    void close() {
        tier.close();
    }

    @Test
    void scan_readsEveryItemOnce_fromAStreamedListing_neverTheWholeListingAtOnce() {
        for (int i = 0; i < 60; i++) {
            tier.item("bag" + (i % 3), "item" + i, "v");
        }
        tier.write.bags.createBag("empty");

        TierInventory inventory = TierScanner.scan(tier.source(), 4, BulkListener.NONE);

        assertThat(inventory.bags()).isEqualTo(4);
        assertThat(inventory.items()).isEqualTo(60);
        assertThat(inventory.formats()).isEqualTo(Map.of(2, 60L));
        assertThat(inventory.unreadable()).isZero();
        assertThat(inventory.keyVersions()).extracting(KeyVersionInfo::label, KeyVersionInfo::items)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("app v0", 60L));
        assertThat(tier.streamed.handedOut()).isEqualTo(64); // 60 items and 4 bag markers, each once
    }

    @Test
    void theProblemsKept_areThoseOfTheFirstItemsByBagAndId_whateverOrderTheListingAndTheWorkersGiveThem() {
        // the listing hands out a-b/ before a/; by name, a comes first
        for (int i = 0; i < 15; i++) {
            tier.damaged("a-b", String.format("item%02d", i));
            tier.damaged("a", String.format("item%02d", i));
        }

        TierInventory inventory = TierScanner.scan(tier.source(), 8, BulkListener.NONE);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(String.format("a-b/item%02d", i));
        }
        for (int i = 0; i < 15; i++) {
            expected.add(String.format("a/item%02d", i));
        }
        assertThat(inventory.unreadable()).isEqualTo(30);
        assertThat(inventory.problems()).extracting(p -> p.substring(0, p.indexOf(':'))).isEqualTo(expected);
    }
}
