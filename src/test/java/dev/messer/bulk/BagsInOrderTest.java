package dev.messer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BagsInOrderTest {

    private final TestProfile profile = new TestProfile("dev");

    @Test
    void bags_areVisitedByName_evenWhereTheListingOrdersThemOtherwise_asTheInventoryHasThem() {
        // the listing orders keys by "name/": a-b/ and a.b/ come before a/, which sorts first by name
        for (String bag : List.of("a", "a-b", "a.b", "a.b-c", "b", "ab")) {
            for (int i = 0; i < 3; i++) {
                put(bag, bag + "-item" + i);
            }
        }
        profile.bucket().bags.createBag("a-empty");
        profile.bucket().bags.createBag("zz");

        List<String> visited = visit();

        assertThat(visited).isEqualTo(byName());
        assertThat(visited).startsWith("a", "\ta-item0", "\ta-item1", "\ta-item2", "a-b", "\ta-b-item0")
                .endsWith("zz");
        assertThat(visited.indexOf("a-empty")).isEqualTo(visited.indexOf("a-b") + 4);
    }

    @Test
    void everyItemOf1500_isVisitedOnce_fromOneListing() {
        for (int i = 0; i < 1500; i++) {
            put("bag" + (i % 7), String.format("item%04d", i));
        }
        profile.secrets.resetCounts();

        List<String> visited = visit();
        int listings = profile.secrets.listCount();

        assertThat(listings).isEqualTo(1);
        assertThat(visited).hasSize(1507).isEqualTo(byName());
    }

    @Test
    void noBags_visitsNothing() {
        assertThat(visit()).isEmpty();
    }

    private void put(String bag, String id) {
        profile.secrets.put(profile.layout.itemKey(bag, id), "{}".getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private List<String> visit() {
        List<String> lines = new ArrayList<>();
        BagsInOrder.visit(profile.bucket().bags, new BagsInOrder.Visitor() {
            @Override
            public void bag(String name) {
                lines.add(name);
            }

            @Override
            public void item(String bag, String id) {
                assertThat(lines).contains(bag);
                lines.add("\t" + id);
            }
        });
        return lines;
    }

    /** Every bag by name, each with its items in listing order, from the keys of the bucket. */
    private List<String> byName() {
        String prefix = profile.layout.bagsPrefix();
        SortedMap<String, List<String>> bags = new TreeMap<>();
        for (String key : profile.secrets.list(prefix)) {
            String[] parts = key.substring(prefix.length()).split("/", -1);
            List<String> ids = bags.computeIfAbsent(parts[0], b -> new ArrayList<>());
            if (!parts[1].isEmpty()) {
                ids.add(parts[1]);
            }
        }
        List<String> lines = new ArrayList<>();
        bags.forEach((bag, ids) -> {
            lines.add(bag);
            ids.forEach(id -> lines.add("\t" + id));
        });
        return lines;
    }
}
