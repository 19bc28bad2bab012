package dev.messer.estate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.bulk.BulkListener;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FieldScannerTest {

    private final TestTier tier = new TestTier();
    private final FieldHasher hasher = new FieldHasher();

    @AfterEach
    void close() {
        hasher.close();
        tier.close();
    }

    @Test
    void scan_hashesTheItemsOfTheBagsNamed_fromAStreamedListing_neverTheWholeListingAtOnce() {
        for (String bag : Set.of("a", "b", "c")) {
            tier.item(bag, "x", "one").item(bag, "y", "two");
        }
        tier.write.bags.createBag("d");
        tier.damaged("c", "broken");

        TierFields fields = FieldScanner.scan("dev", tier.read.bags, tier.read.items, Set.of("a", "c", "d"), hasher, 4,
                BulkListener.NONE);

        assertThat(fields.bags()).containsExactly("a", "c", "d");
        assertThat(fields.fields()).containsOnlyKeys("a/x", "a/y", "c/x", "c/y");
        assertThat(fields.fields().get("a/x")).containsOnlyKeys("password");
        assertThat(fields.fields().get("a/x")).isEqualTo(fields.fields().get("c/x"))
                .isNotEqualTo(fields.fields().get("a/y"));
        assertThat(fields.problems()).singleElement().asString().startsWith("c/broken in dev: ");
        assertThat(tier.streamed.handedOut()).isEqualTo(11); // 7 items and 4 bag markers, each once
    }

    @Test
    void scan_ofEveryBag_whenNoneIsNamed() {
        tier.item("a", "x", "one");
        tier.write.bags.createBag("empty");

        TierFields fields = FieldScanner.scan("dev", tier.read.bags, tier.read.items, Set.of(), hasher, 2,
                BulkListener.NONE);

        assertThat(fields.bags()).containsExactly("a", "empty");
        assertThat(fields.fields()).containsOnlyKeys("a/x");
        assertThat(fields.complete()).isTrue();
    }
}
