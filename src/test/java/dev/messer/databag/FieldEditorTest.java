package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.messer.crypto.DataKey;
import dev.messer.error.ConflictException;
import dev.messer.error.InvalidInputException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.TestKeyRing;
import dev.messer.keys.KeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.BlobStore;
import dev.messer.store.ForwardingBlobStore;
import dev.messer.store.MemoryBlobStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FieldEditorTest {

    private final MemoryBlobStore memory = new MemoryBlobStore();
    private final ConcurrentWriter secrets = new ConcurrentWriter(memory);
    private final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");
    private final KeyRing ring = TestKeyRing.of(new MemoryBlobStore(), master);
    private final TestBucket bucket = TestBucket.on(secrets, new SecretsLayout("dev", ""), ring)
            .writer(() -> "ann@laptop").build();
    private final ItemService bags = bucket.items;
    private final FieldEditor editor = new FieldEditor(bucket.items, bucket.bags, ring);

    @BeforeEach
    void seed() {
        ring.create("app");
        bucket.bags.createBag("app");
        TestItems.upload(bags, "app", item("{\"id\":\"db\",\"password\":\"one\",\"user\":\"u\"}"), "app",
                OptionalInt.empty(), false);
    }

    @AfterEach
    void wipe() {
        bucket.close();
        master.close();
    }

    private static ItemDocument item(String json) {
        return ItemDocument.parse(json.getBytes(StandardCharsets.UTF_8), "test");
    }

    private String password() {
        return bags.open("app", "db").document().json().get("password").getAsString();
    }

    @Test
    void set_duringAConcurrentWrite_isAConflict_andTheOtherWriteIsNotLost() {
        secrets.beforeNextConditionalWrite = () -> bags.write("app", item("{\"id\":\"db\",\"password\":\"theirs\"}"),
                bags.read("app", "db").item().keyRef(), Precondition.unchanged(bags.read("app", "db")));

        assertThatThrownBy(() -> editor.set("app", "db", Map.of(FieldPath.parse("password"), new JsonPrimitive("mine")),
                Optional.empty()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("item app/db was changed by someone else").hasMessageContaining("run the command again");

        assertThat(password()).isEqualTo("theirs");
        assertThat(memory.versions("dev/app/db").versions()).hasSize(2);
    }

    @Test
    void unset_duringAConcurrentWrite_isAConflictToo() {
        secrets.beforeNextConditionalWrite = () -> memory.put("dev/app/db", memory.get("dev/app/db").orElseThrow().content(),
                Map.of());
        assertThatThrownBy(() -> editor.unset("app", "db", List.of(FieldPath.parse("user"))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void set_keepsTheItemsKey_andRecordsTheWriter() {
        ring.increment("app");
        editor.set("app", "db", Map.of(FieldPath.parse("password"), new JsonPrimitive("two")), Optional.empty());
        assertThat(password()).isEqualTo("two");
        assertThat(bags.read("app", "db").item().keyRef().version()).isZero();
        assertThat(memory.get("dev/app/db").orElseThrow().metadata()).containsEntry(ItemService.WRITER, "ann@laptop");
    }

    @Test
    void set_ofANewItem_needsAKey_andCreatesItOnlyIfStillAbsent() {
        Map<FieldPath, JsonElement> values = Map.of(FieldPath.parse("a/b"), JsonParser.parseString("1"));
        assertThatThrownBy(() -> editor.set("app", "new", values, Optional.empty()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("--create");
        secrets.beforeNextConditionalWrite = () -> memory.put("dev/app/new", new byte[] {'x'}, Map.of());
        assertThatThrownBy(() -> editor.set("app", "new", values, Optional.of("app")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void id_canNeitherBeSetNorRemoved() {
        assertThatThrownBy(() -> editor.set("app", "db", Map.of(FieldPath.parse("id"), new JsonPrimitive("x")),
                Optional.empty())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> editor.unset("app", "db", List.of(FieldPath.parse("id"))))
                .isInstanceOf(InvalidInputException.class);
    }

    /** Runs an action (another writer) just before the next conditional write reaches the store. */
    static final class ConcurrentWriter extends ForwardingBlobStore {
        Runnable beforeNextConditionalWrite;

        ConcurrentWriter(BlobStore delegate) {
            super(delegate);
        }

        @Override
        protected void beforeConditionalWrite(String key) {
            Runnable action = beforeNextConditionalWrite;
            beforeNextConditionalWrite = null;
            if (action != null) {
                action.run();
            }
        }
    }
}
