package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.error.ConflictException;
import dev.messer.error.InvalidInputException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.KeyRing;
import dev.messer.keys.TestKeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.MemoryBlobStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BagsTest {

    private final MemoryBlobStore secrets = new MemoryBlobStore();
    private final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");
    private final KeyRing ring = TestKeyRing.of(new MemoryBlobStore(), master);
    private final TestBucket bucket = TestBucket.of(secrets, new SecretsLayout("dev", "secrets"), ring);
    private final Bags bags = bucket.bags;

    @AfterEach
    void wipe() {
        bucket.close();
        master.close();
    }

    @Test
    void createBag_writesAZeroByteMarker_andIsIdempotent() {
        assertThat(bags.createBag("payments")).isTrue();
        assertThat(bags.createBag("payments")).isFalse();
        assertThat(secrets.list("")).containsExactly("dev/secrets/payments/");
        assertThat(secrets.get("dev/secrets/payments/").orElseThrow().content()).isEmpty();
        assertThat(bags.bagExists("payments")).isTrue();
        assertThat(bags.bagExists("other")).isFalse();
    }

    @Test
    void bagWithItemsButNoMarker_stillExists() {
        secrets.put("dev/secrets/handmade/db", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.Map.of());
        assertThat(bags.bagExists("handmade")).isTrue();
        assertThat(bags.listItems("handmade")).containsExactly("db");
    }

    @Test
    void createBag_withAnInvalidName_writesNothing() {
        assertThatThrownBy(() -> bags.createBag("../x")).isInstanceOf(InvalidInputException.class);
        assertThat(secrets.list("")).isEmpty();
    }

    @Test
    void listBags_showsBagsOfThisTierAndFolderOnly() {
        bags.createBag("b");
        bags.createBag("a");
        secrets.put("prod/secrets/elsewhere/", new byte[0], Map.of());
        secrets.put("dev/secrets/b/deeper/x", new byte[1], Map.of());
        assertThat(bags.listBags()).containsExactly("a", "b");
    }

    @Test
    void listItems_listsIdsInOrder_withoutTheMarker() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"web\"}", false);
        upload("payments", "{\"id\": \"db\"}", false);
        assertThat(bags.listItems("payments")).containsExactly("db", "web");
    }

    @Test
    void listItems_ofAMissingBag_isNotFoundNamingCreate() {
        assertThatThrownBy(() -> bags.listItems("nope")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("data bag nope").hasMessageContaining("data bag create");
    }

    @Test
    void deleteBag_removesAnEmptyBag() {
        bags.createBag("payments");
        bags.deleteBag("payments");
        assertThat(bags.bagExists("payments")).isFalse();
        assertThat(secrets.list("")).isEmpty();
    }

    @Test
    void deleteBag_thatIsNotEmpty_failsNamingTheItems_andDeletesNothing() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\"}", false);
        upload("payments", "{\"id\": \"web\"}", false);
        assertThatThrownBy(() -> bags.deleteBag("payments")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("db, web").hasMessageContaining("delete its items first");
        assertThat(secrets.list("")).hasSize(3);
    }

    @Test
    void deleteBag_ofAMissingBag_isNotFound() {
        assertThatThrownBy(() -> bags.deleteBag("nope")).isInstanceOf(NotFoundException.class);
    }

    private void upload(String bag, String json, boolean force) {
        TestItems.upload(bucket.items, bag, ItemDocument.parse(json.getBytes(StandardCharsets.UTF_8), "item file"), "app",
                OptionalInt.empty(), force);
    }
}
