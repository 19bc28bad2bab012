package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.keys.TestKeyRing;
import dev.messer.keys.KeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.MemoryBlobStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A replacing upload writes nothing only when content bytes, key version and item format would all stay. */
class BagUploadTest {

    private final MemoryBlobStore secrets = new MemoryBlobStore();
    private final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");
    private final KeyRing ring = TestKeyRing.of(new MemoryBlobStore(), master);
    private final SecretsLayout layout = new SecretsLayout("dev", "");
    private final TestBucket bucket = TestBucket.of(secrets, layout, ring);
    private final ItemService bags = bucket.items;

    @BeforeEach
    void setUp() {
        ring.create("app");
        bucket.bags.createBag("web");
    }

    @AfterEach
    void wipe() {
        bucket.close();
        master.close();
    }

    private static ItemDocument item(String json) {
        return ItemDocument.parse(json.getBytes(StandardCharsets.UTF_8), "test");
    }

    private BagUpload.Outcome put(ItemService service, String json) {
        return service.startUpload("web", "app", OptionalInt.empty()).put(item(json), true);
    }

    private int versions() {
        return secrets.versions(layout.itemKey("web", "db")).versions().size();
    }

    @Test
    void sameContent_sameKeyVersion_sameFormat_isUnchanged() {
        assertThat(put(bags, "{\"id\":\"db\",\"n\":1}")).isEqualTo(BagUpload.Outcome.CREATED);
        assertThat(put(bags, "{ \"id\": \"db\", \"n\": 1 }")).isEqualTo(BagUpload.Outcome.UNCHANGED);
        assertThat(versions()).isEqualTo(1);
    }

    @Test
    void aNumberWrittenAnotherWay_isReplaced() {
        put(bags, "{\"id\":\"db\",\"n\":1}");
        assertThat(put(bags, "{\"id\":\"db\",\"n\":1.0}")).isEqualTo(BagUpload.Outcome.REPLACED);
        assertThat(bags.open("web", "db").document().json().get("n").toString()).isEqualTo("1.0");
    }

    @Test
    void sameContent_underANewerKeyVersion_isReplaced() {
        put(bags, "{\"id\":\"db\",\"n\":1}");
        ring.increment("app");
        assertThat(put(bags, "{\"id\":\"db\",\"n\":1}")).isEqualTo(BagUpload.Outcome.REPLACED);
        assertThat(bags.read("web", "db").item().keyVersion()).isEqualTo(1);
    }

    @Test
    void sameContent_storedInAnotherItemFormat_isReplaced() {
        put(TestBucket.on(secrets, layout, ring).format(EnvelopeVersion.V1).keys(bucket.keys).build().items,
                "{\"id\":\"db\",\"n\":1}");
        assertThat(put(bags, "{\"id\":\"db\",\"n\":1}")).isEqualTo(BagUpload.Outcome.REPLACED);
        assertThat(versions()).isEqualTo(2);
    }

    @Test
    void aDamagedStoredItem_isReplaced() {
        put(bags, "{\"id\":\"db\",\"n\":1}");
        secrets.put(layout.itemKey("web", "db"), "not json".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(put(bags, "{\"id\":\"db\",\"n\":1}")).isEqualTo(BagUpload.Outcome.REPLACED);
        assertThat(bags.open("web", "db").document().json().get("n").toString()).isEqualTo("1");
    }
}
