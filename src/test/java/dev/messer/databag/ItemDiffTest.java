package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class ItemDiffTest {

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    @Test
    void changes_arePerFieldPath_sorted_withTheirKind() {
        ItemDiff diff = ItemDiff.between(json("{\"id\":\"db\",\"user\":\"u\",\"db\":{\"pass\":\"a\",\"host\":\"h\"}}"),
                json("{\"id\":\"db\",\"db\":{\"pass\":\"b\",\"host\":\"h\",\"a/b\":[1]},\"new\":true}"));
        assertThat(diff.changes()).extracting(Object::toString)
                .containsExactly("+ db/a~1b", "~ db/pass", "+ new", "- user");
    }

    @Test
    void equalItems_haveNoChanges_andAnObjectReplacedByAValue_isRemovedAndAdded() {
        assertThat(ItemDiff.between(json("{\"id\":\"a\",\"x\":{}}"), json("{\"id\":\"a\",\"x\":{}}")).isEmpty()).isTrue();
        assertThat(ItemDiff.between(json("{\"id\":\"a\",\"x\":{\"y\":1}}"), json("{\"id\":\"a\",\"x\":\"s\"}")).changes())
                .extracting(Object::toString).containsExactly("+ x", "- x/y");
    }

    @Test
    void valuesCompareByTheirJsonText_notAsDoubles() {
        String[][] different = {{"1", "1.0"}, {"1", "1e0"}, {"1234567890123456789", "1234567890123456700"},
            {"1e400", "2e400"}, {"[1]", "[1.0]"}};
        for (String[] pair : different) {
            ItemDiff diff = ItemDiff.between(json("{\"id\":\"a\",\"n\":" + pair[0] + "}"),
                    json("{\"id\":\"a\",\"n\":" + pair[1] + "}"));
            assertThat(diff.changes()).as(pair[0] + " vs " + pair[1]).singleElement()
                    .satisfies(c -> assertThat(c.before() + " -> " + c.after()).isEqualTo(pair[0] + " -> " + pair[1]));
        }
        assertThat(ItemDiff.between(json("{\"id\":\"a\",\"n\":1e400}"), json("{\"id\":\"a\",\"n\":1e400}")).isEmpty())
                .isTrue();
    }

    @Test
    void toString_neverShowsValues() {
        ItemDiff diff = ItemDiff.between(json("{\"id\":\"a\",\"p\":\"old-secret\"}"), json("{\"id\":\"a\",\"p\":\"new-secret\"}"));
        assertThat(diff.toString()).doesNotContain("secret");
        assertThat(diff.changes().get(0).toString()).doesNotContain("secret");
        assertThat(diff.changes().get(0).before().getAsString()).isEqualTo("old-secret");
    }
}
