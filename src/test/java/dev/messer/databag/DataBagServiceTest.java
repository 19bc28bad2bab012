package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.crypto.EnvelopeCodec;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.DataKeyCache;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.MemoryBlobStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataBagServiceTest {

    private final MemoryBlobStore secrets = new MemoryBlobStore();
    private final MemoryBlobStore keysBucket = new MemoryBlobStore();
    private final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");
    private final KeyRing ring = new KeyRing(keysBucket, () -> master, EncryptionContext.empty(), true);
    private final DataKeyCache keys = new DataKeyCache(ring);
    private final SecretsLayout layout = new SecretsLayout("dev", "secrets");
    private final DataBagService bags = new DataBagService(secrets, layout, EnvelopeVersion.V2);

    @AfterEach
    void wipe() {
        keys.close();
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
        KeyRef used = bags.upload("payments", item("{\"id\": \"db\"}"), "app", OptionalInt.of(0), false, keys);
        assertThat(used).isEqualTo(new KeyRef("app", 0));
        assertThat(bags.read("payments", "db").item().keyVersion()).isZero();
    }

    @Test
    void upload_withItemFormat1_writesAVersion1Envelope() {
        DataBagService v1 = new DataBagService(secrets, layout, EnvelopeVersion.V1);
        v1.createBag("payments");
        ring.create("app");
        v1.upload("payments", item("{\"id\": \"db\"}"), "app", OptionalInt.empty(), false, keys);
        StoredItem item = bags.read("payments", "db").item();
        assertThat(EnvelopeCodec.decode(item.encryptedData()).version()).isEqualTo(EnvelopeVersion.V1);
        assertThat(bags.decrypt("payments", "db", keys).id()).isEqualTo("db");
    }

    @Test
    void upload_ofAnExistingItemWithoutForce_failsNamingForce_andKeepsTheOldItem() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\", \"v\": 1}", false);
        assertThatThrownBy(() -> upload("payments", "{\"id\": \"db\", \"v\": 2}", false))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("--force");
        assertThat(bags.decrypt("payments", "db", keys).json().get("v").getAsInt()).isEqualTo(1);
    }

    @Test
    void upload_withForce_replacesTheItem() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\", \"v\": 1}", false);
        upload("payments", "{\"id\": \"db\", \"v\": 2}", true);
        assertThat(bags.decrypt("payments", "db", keys).json().get("v").getAsInt()).isEqualTo(2);
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
        assertThatThrownBy(() -> bags.upload("payments", item("{\"id\": \"db\"}"), "app", OptionalInt.of(7), false, keys))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("app v7");
        assertThat(bags.listItems("payments")).isEmpty();
    }

    @Test
    void decrypt_returnsTheUploadedItem() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\", \"password\": \"hunter2\", \"n\": [1, 2]}", false);
        JsonObject json = bags.decrypt("payments", "db", keys).json();
        assertThat(json).isEqualTo(JsonParser.parseString("{\"id\": \"db\", \"password\": \"hunter2\", \"n\": [1, 2]}"));
    }

    @Test
    void decryptedView_isMessersShowDecryptView() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\", \"password\": \"hunter2\"}", false);
        JsonObject view = bags.decryptedView("payments", "db", keys);
        // Messer: the stored item, encrypted_data popped, updated with the decrypted fields
        assertThat(view).isEqualTo(JsonParser.parseString(
                "{\"id\": \"db\", \"key_name\": \"app\", \"key_version\": 0, \"password\": \"hunter2\"}"));
        assertThat(view.keySet()).containsExactly("id", "key_name", "key_version", "password");
    }

    @Test
    void read_ofAMissingItem_isNotFoundNamingTheBag() {
        bags.createBag("payments");
        assertThatThrownBy(() -> bags.read("payments", "db")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("item db does not exist in data bag payments");
        assertThatThrownBy(() -> bags.read("nope", "db")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("data bag nope");
    }

    @Test
    void itemWhoseIdDisagreesWithItsPath_failsIntegrity() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\"}", false);
        byte[] stored = secrets.get("dev/secrets/payments/db").orElseThrow().content();
        secrets.put("dev/secrets/payments/web", stored, Map.of());
        assertThatThrownBy(() -> bags.decrypt("payments", "web", keys)).isInstanceOf(IntegrityException.class)
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
        assertThatThrownBy(() -> bags.decrypt("billing", "db", keys)).isInstanceOf(IntegrityException.class)
                .hasMessageContaining("failed its integrity check");
    }

    @Test
    void itemCopiedToAnotherTier_failsIntegrity() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\"}", false);
        byte[] stored = secrets.get("dev/secrets/payments/db").orElseThrow().content();
        DataBagService prod = new DataBagService(secrets, new SecretsLayout("prod", "secrets"), EnvelopeVersion.V2);
        prod.createBag("payments");
        secrets.put("prod/secrets/payments/db", stored, Map.of());
        assertThatThrownBy(() -> prod.decrypt("payments", "db", keys)).isInstanceOf(IntegrityException.class);
    }

    @Test
    void itemRelabelledToAnotherKeyVersion_failsIntegrity() {
        bags.createBag("payments");
        ring.create("app");
        ring.increment("app");
        bags.upload("payments", item("{\"id\": \"db\"}"), "app", OptionalInt.of(0), false, keys);
        StoredItem item = bags.read("payments", "db").item();
        StoredItem relabelled = new StoredItem(item.id(), item.encryptedData(), "app", 1);
        secrets.put("dev/secrets/payments/db", relabelled.toBytes(), Map.of());
        assertThatThrownBy(() -> bags.decrypt("payments", "db", keys)).isInstanceOf(IntegrityException.class)
                .hasMessageContaining("relabelled");
    }

    @Test
    void itemWithATamperedEnvelope_failsIntegrity() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\", \"password\": \"hunter2\"}", false);
        StoredItem item = bags.read("payments", "db").item();
        JsonObject envelope = JsonParser.parseString(new String(java.util.Base64.getDecoder().decode(item.encryptedData()),
                StandardCharsets.UTF_8)).getAsJsonObject();
        byte[] ct = java.util.Base64.getDecoder().decode(envelope.get("encrypted_secret").getAsString());
        ct[0] ^= 1;
        envelope.addProperty("encrypted_secret", java.util.Base64.getEncoder().encodeToString(ct));
        String wire = java.util.Base64.getEncoder().encodeToString(envelope.toString().getBytes(StandardCharsets.UTF_8));
        secrets.put("dev/secrets/payments/db", new StoredItem("db", wire, "app", 0).toBytes(), Map.of());
        assertThatThrownBy(() -> bags.decrypt("payments", "db", keys)).isInstanceOf(IntegrityException.class);
    }

    @Test
    void deleteItem_removesIt_andAMissingItemIsNotFound() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\"}", false);
        bags.deleteItem("payments", "db");
        assertThat(bags.listItems("payments")).isEmpty();
        assertThatThrownBy(() -> bags.deleteItem("payments", "db")).isInstanceOf(NotFoundException.class);
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

    @Test
    void reseal_withAStaleRead_failsWithConflict() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\", \"v\": 1}", false);
        DataBagService.Read stale = bags.read("payments", "db");
        upload("payments", "{\"id\": \"db\", \"v\": 2}", true);
        ring.increment("app");
        assertThatThrownBy(() -> bags.reseal("payments", "db", stale, new KeyRef("app", 1), keys))
                .isInstanceOf(ConflictException.class);
        assertThat(bags.decrypt("payments", "db", keys).json().get("v").getAsInt()).isEqualTo(2);
    }

    @Test
    void reseal_withTheCurrentRead_movesTheItemToTheNewKey() {
        bags.createBag("payments");
        ring.create("app");
        upload("payments", "{\"id\": \"db\", \"v\": 1}", false);
        ring.increment("app");
        bags.reseal("payments", "db", bags.read("payments", "db"), new KeyRef("app", 1), keys);
        assertThat(bags.read("payments", "db").item().keyRef()).isEqualTo(new KeyRef("app", 1));
        assertThat(bags.decrypt("payments", "db", keys).json().get("v").getAsInt()).isEqualTo(1);
    }

    @Test
    void write_withoutEtag_createsOnly() {
        bags.createBag("payments");
        ring.create("app");
        bags.write("payments", item("{\"id\": \"db\"}"), new KeyRef("app", 0), keys, Optional.empty());
        assertThatThrownBy(() -> bags.write("payments", item("{\"id\": \"db\"}"), new KeyRef("app", 0), keys,
                Optional.empty())).isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void manyItems_needOneUnwrapPerKeyVersion() {
        bags.createBag("payments");
        ring.create("app");
        for (int i = 0; i < 20; i++) {
            upload("payments", "{\"id\": \"item" + i + "\"}", false);
        }
        for (int i = 0; i < 20; i++) {
            bags.decrypt("payments", "item" + i, keys);
        }
        assertThat(keys.unwrapCount()).isEqualTo(1);
    }

    @Test
    void deleteItem_ofADamagedStoredObject_stillDeletesIt() {
        bags.createBag("payments");
        secrets.put("dev/secrets/payments/broken", "not json".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThatThrownBy(() -> bags.read("payments", "broken")).isInstanceOf(InvalidInputException.class);
        bags.deleteItem("payments", "broken");
        assertThat(bags.listItems("payments")).isEmpty();
    }

    @Test
    void deleteItem_inAMissingBag_isNotFoundNamingTheBag() {
        assertThatThrownBy(() -> bags.deleteItem("nope", "db")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("data bag nope");
    }

    @Test
    void storedItemNamingAnInvalidKeyName_isRefusedBeforeTheKeysBucketIsRead() {
        bags.createBag("payments");
        secrets.put("dev/secrets/payments/db", new StoredItem("db", "ZW52", "../../etc", 0).toBytes(), Map.of());
        int before = keysBucket.getCount();
        assertThatThrownBy(() -> bags.decrypt("payments", "db", keys)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("key_name '../../etc', which breaks the naming rule");
        assertThat(keysBucket.getCount()).isEqualTo(before);
    }

    private KeyRef upload(String bag, String json, boolean force) {
        return bags.upload(bag, item(json), "app", OptionalInt.empty(), force, keys);
    }

    private static ItemDocument item(String json) {
        return ItemDocument.parse(json.getBytes(StandardCharsets.UTF_8), "item file");
    }
}
