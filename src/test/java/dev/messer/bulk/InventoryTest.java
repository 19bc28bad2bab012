package dev.messer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryTest {

    private final TestProfile profile = new TestProfile("dev");

    @Test
    void inventory_of1500Items_listsEveryOne_fromOneListing() {
        byte[] stored = "{}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 1500; i++) {
            profile.secrets.put(profile.layout.itemKey("bag" + (i % 7), String.format("item%04d", i)), stored, Map.of());
        }
        profile.secrets.resetCounts();

        Inventory inventory = Inventory.of(profile.bucket().bags);

        assertThat(inventory.items()).hasSize(1500).doesNotHaveDuplicates();
        assertThat(inventory.items()).contains(new ItemPath("bag0", "item0000"), new ItemPath("bag1", "item1499"));
        assertThat(inventory.bags()).hasSize(7);
        assertThat(profile.secrets.listCount()).isEqualTo(1);
    }

    @Test
    void inventory_includesEmptyBags_andIgnoresOtherTiersAndDeeperObjects() {
        profile.bucket().bags.createBag("empty");
        profile.secrets.put("prod/secrets/other/x", new byte[0], Map.of());
        profile.secrets.put(profile.layout.itemKey("web", "a"), new byte[0], Map.of());
        profile.secrets.put(profile.layout.bagsPrefix() + "web/nested/deep", new byte[0], Map.of());

        Inventory inventory = Inventory.of(profile.bucket().bags);

        assertThat(inventory.bags()).containsOnlyKeys("empty", "web");
        assertThat(inventory.bags().get("empty")).isEmpty();
        assertThat(inventory.items()).isEqualTo(List.of(new ItemPath("web", "a")));
    }
}
