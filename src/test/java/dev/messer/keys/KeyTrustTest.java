package dev.messer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.databag.ItemDocument;
import dev.messer.databag.ItemService;
import dev.messer.databag.SecretsLayout;
import dev.messer.databag.TestBucket;
import dev.messer.databag.TestItems;
import dev.messer.error.ConflictException;
import dev.messer.error.IntegrityException;
import dev.messer.error.NotFoundException;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.MemoryBlobStore;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What someone who can write the keys bucket, or a careless delete, could do to a reader: roll a
 * key back to a context-less version, pass off another team's key, or reuse a deleted number.
 */
class KeyTrustTest {

    private final MemoryBlobStore keysBucket = new MemoryBlobStore();
    private final MemoryBlobStore secrets = new MemoryBlobStore();
    private final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");
    private final EncryptionContext payments = EncryptionContext.parse("team=payments");
    /** A profile that writes bound (format 2) items and reads context-less versions (min_item_format = 1). */
    private final KeyRing ring = TestKeyRing.on(keysBucket, master).context(payments).build();
    /** The same bucket as Messer (or item_format = 1) writes it: versions without a context. */
    private final KeyRing legacy = TestKeyRing.on(keysBucket, master).unbound().build();
    private final SecretsLayout layout = new SecretsLayout("prod", "");
    private final TestBucket bucket = TestBucket.of(secrets, layout, ring);
    private final ItemService bags = bucket.items;
    private final TestBucket legacyBucket = TestBucket.on(secrets, layout, legacy).format(EnvelopeVersion.V1).build();
    private final ItemService legacyBags = legacyBucket.items;

    @AfterEach
    void wipe() {
        bucket.close();
        legacyBucket.close();
        master.close();
    }

    // case 3: a context-less version planted as latest

    @Test
    void contextlessVersionPlantedAboveBoundOnes_isNeverWrittenWith() {
        ring.create("app");
        plantContextless(new KeyRef("app", 1));
        bucket.bags.createBag("web");
        Map<String, String> before = etags(secrets);

        assertThatThrownBy(() -> upload(bags, item("a", "secret"), OptionalInt.empty()))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("app v1 has no encryption context although a lower version has one")
                .hasMessageContaining("roll the key back");
        assertThatThrownBy(() -> upload(bags, item("a", "secret"), OptionalInt.of(1)))
                .isInstanceOf(IntegrityException.class);
        assertThat(etags(secrets)).isEqualTo(before);
    }

    @Test
    void plantedVersion_isOvertakenByIncrement_andStaysReported() {
        ring.create("app");
        plantContextless(new KeyRef("app", 1));
        assertThat(ring.increment("app")).isEqualTo(new KeyRef("app", 2));
        bucket.bags.createBag("web");
        assertThat(upload(bags, item("a", "secret"), OptionalInt.empty())).isEqualTo(new KeyRef("app", 2));
    }

    @Test
    void messerKeyWithoutAnyContext_isNotWrittenWithByABoundProfile_butItsItemsStayReadable() {
        legacy.create("app");
        legacyBucket.bags.createBag("web");
        upload(legacyBags, item("old", "kept"), OptionalInt.empty());
        assertThatThrownBy(() -> upload(bags, item("new", "x"), OptionalInt.empty()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("app v0 has no encryption context")
                .hasMessageContaining("'messer encryption increment <provider> app'");
        assertThat(bags.open("web", "old").document().json().get("value").getAsString()).isEqualTo("kept");
        assertThat(bags.find("web", "new")).isEmpty();
    }

    @Test
    void aProfileWritingFormat1_stillWritesWithContextlessVersions() {
        legacy.create("app");
        legacyBucket.bags.createBag("web");
        assertThat(upload(legacyBags, item("a", "x"), OptionalInt.empty())).isEqualTo(new KeyRef("app", 0));
    }

    // case 5: the configured encryption context

    @Test
    void versionBoundToAnotherTeam_isRefusedNamingTheMissingPair() {
        KeyRing billing = TestKeyRing.on(keysBucket, master).context(EncryptionContext.parse("team=billing")).build();
        billing.create("app");

        assertThatThrownBy(() -> ring.forReading(new KeyRef("app", 0)))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("is bound to team=billing")
                .hasMessageContaining("requires team=payments");
        KeyRing twoPairs = TestKeyRing.on(keysBucket, master).context(EncryptionContext.parse("team=billing,app=checkout"))
                .build();
        assertThatThrownBy(() -> twoPairs.forReading(new KeyRef("app", 0)))
                .isInstanceOf(IntegrityException.class).hasMessageContaining("bound to no app")
                .hasMessageContaining("requires app=checkout");
        billing.forReading(new KeyRef("app", 0)).close();
    }

    @Test
    void contextlessVersion_isReadableUnderMinFormat1_andRefusedUnderMinFormat2() {
        legacy.create("app");
        ring.forReading(new KeyRef("app", 0)).close();

        KeyRing strict = TestKeyRing.on(keysBucket, master).context(payments).refusingContextless().build();
        assertThatThrownBy(() -> strict.forReading(new KeyRef("app", 0)))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("has no encryption context, which min_item_format = 2 refuses");
    }

    // case 13: version numbers are never reused

    @Test
    void deletedKeyVersionNumber_isNeverReused() {
        ring.create("app");
        ring.increment("app");
        bucket.bags.createBag("web");
        upload(bags, item("a", "sealed with v1"), OptionalInt.of(1));
        ring.deleteVersion(new KeyRef("app", 1));

        assertThat(ring.increment("app")).isEqualTo(new KeyRef("app", 2));
        assertThat(ring.versions("app")).containsExactly(0, 2);
        try (TestBucket fresh = TestBucket.of(secrets, layout, ring)) {
            assertThatThrownBy(() -> fresh.items.open("web", "a"))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("key app v1 was deleted");
        }
    }

    @Test
    void deletedKey_recreated_startsAboveEveryDeletedVersion() {
        ring.create("app");
        ring.increment("app");
        ring.deleteKey("app");

        assertThat(ring.create("app")).isEqualTo(new KeyRef("app", 2));
        assertThat(ring.versions("app")).containsExactly(2);
        assertThat(ring.names()).containsExactly("app");
    }

    @Test
    void tombstones_areOutsideTheKeyPrefix_thatMesserLists() {
        ring.create("app");
        ring.increment("app");
        ring.deleteVersion(new KeyRef("app", 0));

        assertThat(keysBucket.list("app/")).containsExactly("app/", "app/1");
        assertThat(keysBucket.list(KeyRing.TOMBSTONES)).containsExactly("!deleted/app/0");
        assertThatThrownBy(() -> ring.forReading(new KeyRef("app", 0))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("was deleted (!deleted/app/0 in " + keysBucket.describe() + ")");
    }

    private void plantContextless(KeyRef ref) {
        TestKeyRing.on(keysBucket, master).unbound().plant(ref);
        assertThat(keysBucket.get(ref.objectKey()).orElseThrow().metadata()).isEmpty();
    }

    private static KeyRef upload(ItemService items, ItemDocument item, OptionalInt version) {
        return TestItems.upload(items, "web", item, "app", version, false);
    }

    private static ItemDocument item(String id, String value) {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("value", value);
        return ItemDocument.of(json, "test item");
    }

    private static Map<String, String> etags(MemoryBlobStore store) {
        Map<String, String> etags = new TreeMap<>();
        store.list("").forEach(key -> etags.put(key, store.get(key).orElseThrow().etag()));
        return etags;
    }
}
