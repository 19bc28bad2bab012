package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.crypto.DataKey;
import dev.messer.crypto.EnvelopeCodec;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.CachingDataKeys;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.keys.TestKeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.output.DecryptedItem;
import dev.messer.store.MemoryBlobStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ItemServiceTest {

    private final MemoryBlobStore secrets = new MemoryBlobStore();
    private final MemoryBlobStore keysBucket = new MemoryBlobStore();
    private final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");
    private final KeyRing ring = TestKeyRing.of(keysBucket, master);
    private final SecretsLayout layout = new SecretsLayout("dev", "secrets");
    private final TestBucket bucket = TestBucket.of(secrets, layout, ring);
    private final Bags bags = bucket.bags;
    private final ItemService items = bucket.items;
    private final CachingDataKeys keys = bucket.keys;

    @AfterEach
    void wipe() {
        bucket.close();
        master.close();
    }

    @Test
    void upload_storesTheItemEncryptedUnderTheLatestKeyVersion() {
        bags.createBag("payments");
        ring.create("app");
        ring.increment("app");
        KeyRef used = upload("payments", "{\"id\": \"db\", \"password\": \"hunter2\"}", false);
        assertThat(used).isEqualTo(new KeyRef("app", 1));
        byte[] stored = secrets.get("dev/secrets/payments/db").orElseThrow().content();
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("hunter2");
        StoredItem item = StoredItem.parse(stored, "x");
        assertThat(item.keyRef()).isEqualTo(used);
        assertThat(EnvelopeCodec.decode(item.encryptedData()).version()).isEqualTo(EnvelopeVersion.V2);
    }

    @Test
    void upload_withAnExplicitVersion_usesIt() {
        bags.createBag("payments");
        ring.create("app");
        ring.increment("app");
        KeyRef used = TestItems.upload(items, "payments", item("{\"id\": \"db\"}"), "app", OptionalInt.of(0), false);
        assertThat(used).isEqualTo(new KeyRef("app", 0));
        assertThat(items.read("payments", "db").item().keyVersion()).isZero();
    }

    @Test
    void upload_withItemFormat1_writesAVersion1Envelope() {
        TestBucket v1 = TestBucket.on(secrets, layout, ring).format(EnvelopeVersion.V1).keys(keys).build();
        v1.bags.createBag("payments");
        ring.create("app");
        TestItems.upload(v1.items, "payments", item("{\"id\": \"db\"}"), "app", OptionalInt.empty(), false);
        StoredItem item = items.read("payments", "db").item();
        assertThat(EnvelopeCodec.decode(item.encryptedData()).version()).isEqualTo(EnvelopeVersion.V1);
        assertThat(items.open("payments", "db").document().id()).isEqualTo("db");
    }

    @Test
    void upload_ofAnExistingItemWithoutForce_failsNamingForce_andKeepsTheOldItem() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\", \"v\": 1}", false);
        assertThatThrownBy(() -> upload("payments", "{\"id\": \"db\", \"v\": 2}", false))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("--force");
        assertThat(items.open("payments", "db").document().json().get("v").getAsInt()).isEqualTo(1);
    }

    @Test
    void upload_withForce_replacesTheItem() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\", \"v\": 1}", false);
        upload("payments", "{\"id\": \"db\", \"v\": 2}", true);
        assertThat(items.open("payments", "db").document().json().get("v").getAsInt()).isEqualTo(2);
    }

    @Test
    void upload_toAMissingBag_isNotFound_andWritesNothing() {
        ring.create("app");
        assertThatThrownBy(() -> upload("nope", "{\"id\": \"db\"}", false)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("data bag nope");
        assertThat(secrets.list("")).isEmpty();
    }

    @Test
    void upload_withAMissingKey_isNotFound_andWritesNothing() {
        bags.createBag("payments");
        assertThatThrownBy(() -> upload("payments", "{\"id\": \"db\"}", false)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("encryption key app");
        assertThat(bags.listItems("payments")).isEmpty();
    }

    @Test
    void upload_withAMissingKeyVersion_isNotFound_andWritesNothing() {
        bags.createBag("payments");
        ring.create("app");
        assertThatThrownBy(() -> TestItems.upload(items, "payments", item("{\"id\": \"db\"}"), "app", OptionalInt.of(7), false))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("app v7");
        assertThat(bags.listItems("payments")).isEmpty();
    }

    @Test
    void decrypt_returnsTheUploadedItem() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\", \"password\": \"hunter2\", \"n\": [1, 2]}", false);
        JsonObject json = items.open("payments", "db").document().json();
        assertThat(json).isEqualTo(JsonParser.parseString("{\"id\": \"db\", \"password\": \"hunter2\", \"n\": [1, 2]}"));
    }

    @Test
    void decryptedView_isMessersShowDecryptView() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\", \"password\": \"hunter2\"}", false);
        ItemService.Opened opened = items.open("payments", "db");
        JsonObject view = DecryptedItem.of("payments/db", opened.read().item(), opened.document()).view();
        // Messer: the stored item, encrypted_data popped, updated with the decrypted fields
        assertThat(view).isEqualTo(JsonParser.parseString(
                "{\"id\": \"db\", \"key_name\": \"app\", \"key_version\": 0, \"password\": \"hunter2\"}"));
        assertThat(view.keySet()).containsExactly("id", "key_name", "key_version", "password");
    }

    @Test
    void read_ofAMissingItem_isNotFoundNamingTheBag() {
        bags.createBag("payments");
        assertThatThrownBy(() -> items.read("payments", "db")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("item db does not exist in data bag payments");
        assertThatThrownBy(() -> items.read("nope", "db")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("data bag nope");
    }

    @Test
    void itemWhoseIdDisagreesWithItsPath_failsIntegrity() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\"}", false);
        byte[] stored = secrets.get("dev/secrets/payments/db").orElseThrow().content();
        secrets.put("dev/secrets/payments/web", stored, Map.of());
        assertThatThrownBy(() -> items.open("payments", "web").document()).isInstanceOf(IntegrityException.class)
                .hasMessageContaining("payments/web").hasMessageContaining("'db'");
    }

    @Test
    void itemCopiedToAnotherBag_failsIntegrity() {
        bags.createBag("payments");
        bags.createBag("billing");
        ring.create("app");
        upload("payments", "{\"id\": \"db\"}", false);
        byte[] stored = secrets.get("dev/secrets/payments/db").orElseThrow().content();
        secrets.put("dev/secrets/billing/db", stored, Map.of());
        assertThatThrownBy(() -> items.open("billing", "db").document()).isInstanceOf(IntegrityException.class)
                .hasMessageContaining("failed its integrity check");
    }

    @Test
    void itemCopiedToAnotherTier_failsIntegrity() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\"}", false);
        byte[] stored = secrets.get("dev/secrets/payments/db").orElseThrow().content();
        TestBucket prod = TestBucket.on(secrets, new SecretsLayout("prod", "secrets"), ring).keys(keys).build();
        prod.bags.createBag("payments");
        secrets.put("prod/secrets/payments/db", stored, Map.of());
        assertThatThrownBy(() -> prod.items.open("payments", "db")).isInstanceOf(IntegrityException.class);
    }

    @Test
    void itemRelabelledToAnotherKeyVersion_failsIntegrity() {
        bags.createBag("payments");
        ring.create("app");
        ring.increment("app");
        TestItems.upload(items, "payments", item("{\"id\": \"db\"}"), "app", OptionalInt.of(0), false);
        StoredItem item = items.read("payments", "db").item();
        StoredItem relabelled = new StoredItem(item.id(), item.encryptedData(), "app", 1);
        secrets.put("dev/secrets/payments/db", relabelled.toBytes(), Map.of());
        assertThatThrownBy(() -> items.open("payments", "db").document()).isInstanceOf(IntegrityException.class)
                .hasMessageContaining("relabelled");
    }

    @Test
    void itemWithATamperedEnvelope_failsIntegrity() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\", \"password\": \"hunter2\"}", false);
        StoredItem item = items.read("payments", "db").item();
        JsonObject envelope = JsonParser.parseString(new String(java.util.Base64.getDecoder().decode(item.encryptedData()),
                StandardCharsets.UTF_8)).getAsJsonObject();
        byte[] ct = java.util.Base64.getDecoder().decode(envelope.get("encrypted_secret").getAsString());
        ct[0] ^= 1;
        envelope.addProperty("encrypted_secret", java.util.Base64.getEncoder().encodeToString(ct));
        String wire = java.util.Base64.getEncoder().encodeToString(envelope.toString().getBytes(StandardCharsets.UTF_8));
        secrets.put("dev/secrets/payments/db", new StoredItem("db", wire, "app", 0).toBytes(), Map.of());
        assertThatThrownBy(() -> items.open("payments", "db").document()).isInstanceOf(IntegrityException.class);
    }

    @Test
    void deleteItem_removesIt_andAMissingItemIsNotFound() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\"}", false);
        items.delete("payments", "db");
        assertThat(bags.listItems("payments")).isEmpty();
        assertThatThrownBy(() -> items.delete("payments", "db")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void reseal_withAStaleRead_failsWithConflict() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\", \"v\": 1}", false);
        ItemService.Read stale = items.read("payments", "db");
        upload("payments", "{\"id\": \"db\", \"v\": 2}", true);
        ring.increment("app");
        assertThatThrownBy(() -> reseal(stale, new KeyRef("app", 1))).isInstanceOf(ConflictException.class);
        assertThat(items.open("payments", "db").document().json().get("v").getAsInt()).isEqualTo(2);
    }

    @Test
    void reseal_withTheCurrentRead_movesTheItemToTheNewKey() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\", \"v\": 1}", false);
        ring.increment("app");
        reseal(items.read("payments", "db"), new KeyRef("app", 1));
        assertThat(items.read("payments", "db").item().keyRef()).isEqualTo(new KeyRef("app", 1));
        assertThat(items.open("payments", "db").document().json().get("v").getAsInt()).isEqualTo(1);
    }

    @Test
    void write_withoutEtag_createsOnly() {
        bags.createBag("payments");
        ring.create("app");
        items.write("payments", item("{\"id\": \"db\"}"), new KeyRef("app", 0), Precondition.absent());
        assertThatThrownBy(() -> items.write("payments", item("{\"id\": \"db\"}"), new KeyRef("app", 0),
                Precondition.absent())).isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void manyItems_needOneUnwrapPerKeyVersion() {
        bags.createBag("payments");
        ring.create("app");
        for (int i = 0; i < 20; i++) {
            upload("payments", "{\"id\": \"item" + i + "\"}", false);
        }
        for (int i = 0; i < 20; i++) {
            items.open("payments", "item" + i);
        }
        assertThat(keys.unwrapCount()).isEqualTo(1);
    }

    @Test
    void deleteItem_ofADamagedStoredObject_stillDeletesIt() {
        bags.createBag("payments");
        secrets.put("dev/secrets/payments/broken", "not json".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThatThrownBy(() -> items.read("payments", "broken")).isInstanceOf(InvalidInputException.class);
        items.delete("payments", "broken");
        assertThat(bags.listItems("payments")).isEmpty();
    }

    @Test
    void deleteItem_inAMissingBag_isNotFoundNamingTheBag() {
        assertThatThrownBy(() -> items.delete("nope", "db")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("data bag nope");
    }

    @Test
    void storedItemNamingAnInvalidKeyName_isRefusedBeforeTheKeysBucketIsRead() {
        bags.createBag("payments");
        secrets.put("dev/secrets/payments/db", new StoredItem("db", "ZW52", "../../etc", 0).toBytes(), Map.of());
        int before = keysBucket.getCount();
        assertThatThrownBy(() -> items.open("payments", "db").document()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("key_name '../../etc', which breaks the naming rule");
        assertThat(keysBucket.getCount()).isEqualTo(before);
    }

    private KeyRef upload(String bag, String json, boolean force) {
        return TestItems.upload(items, bag, item(json), "app", OptionalInt.empty(), force);
    }

    /** What a bulk run does to move an item onto another key version. */
    private void reseal(ItemService.Read read, KeyRef target) {
        items.write("payments", items.open("payments", "db", read), target, Precondition.unchanged(read));
    }

    private static ItemDocument item(String json) {
        return ItemDocument.parse(json.getBytes(StandardCharsets.UTF_8), "item file");
    }
}
