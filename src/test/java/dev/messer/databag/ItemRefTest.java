package dev.messer.databag;

import dev.messer.names.Names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ItemRefTest {

    @Test
    void bagSlashItem_parses() {
        assertThat(ItemRef.parse("app/db")).isEqualTo(new ItemRef("app", "db"));
        assertThat(ItemRef.parse("app/db").toString()).isEqualTo("app/db");
    }

    @Test
    void anythingButTwoValidNames_isRefused() {
        for (String bad : new String[] {"app", "app/", "/db", "a/b/c", "app/d b", "../db"}) {
            assertThatThrownBy(() -> ItemRef.parse(bad)).as(bad).isInstanceOf(Names.InvalidNameException.class);
        }
    }
}
