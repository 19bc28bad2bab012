package dev.messer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.databag.DataBagService;
import dev.messer.databag.ItemDocument;
import dev.messer.databag.SecretsLayout;
import dev.messer.error.ConflictException;
import dev.messer.error.IntegrityException;
import dev.messer.error.NotFoundException;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.MemoryBlobStore;
import dev.messer.store.StoreNotices;
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
    private final KeyRing ring = new KeyRing(keysBucket, () -> master, payments, true);
    /** The same bucket as Messer (or item_format = 1) writes it: versions without a context. */
    private final KeyRing legacy = new KeyRing(keysBucket, () -> master, EncryptionContext.empty(), false);
    private final SecretsLayout layout = new SecretsLayout("prod", "");
    private final DataBagService bags = new DataBagService(secrets, layout, EnvelopeVersion.V2);
    private final DataBagService legacyBags = new DataBagService(secrets, layout, EnvelopeVersion.V1);

    @AfterEach
    void wipe() {
        master.close();
    }

    // case 3: a context-less version planted as latest

    @Test
    void contextlessVersionPlantedAboveBoundOnes_isNeverWrittenWith() {
        ring.create("app");
        plantContextless(new KeyRef("app", 1));
        bags.createBag("web");
        Map<String, String> before = etags(secrets);

        try (DataKeyCache keys = new DataKeyCache(ring)) {
            assertThatThrownBy(() -> bags.upload("web", item("a", "secret"), "app", OptionalInt.empty(), false, keys))
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("app v1 has no encryption context although a lower version has one")
                    .hasMessageContaining("roll the key back");
            assertThatThrownBy(() -> bags.upload("web", item("a", "secret"), "app", OptionalInt.of(1), false, keys))
                    .isInstanceOf(IntegrityException.class);
        }
        assertThat(etags(secrets)).isEqualTo(before);
        assertThat(ring.rollbackSuspects()).containsExactly(new KeyRef("app", 1));
    }

    @Test
    void plantedVersion_isOvertakenByIncrement_andStaysReported() {
        ring.create("app");
        plantContextless(new KeyRef("app", 1));
        assertThat(ring.increment("app")).isEqualTo(new KeyRef("app", 2));
        bags.createBag("web");
        try (DataKeyCache keys = new DataKeyCache(ring)) {
            assertThat(bags.upload("web", item("a", "secret"), "app", OptionalInt.empty(), false, keys))
                    .isEqualTo(new KeyRef("app", 2));
        }
        assertThat(ring.rollbackSuspects()).containsExactly(new KeyRef("app", 1));
    }

    @Test
    void messerKeyWithoutAnyContext_isNotWrittenWithByABoundProfile_butItsItemsStayReadable() {
        legacy.create("app");
        legacyBags.createBag("web");
        try (DataKeyCache legacyKeys = new DataKeyCache(legacy)) {
            legacyBags.upload("web", item("old", "kept"), "app", OptionalInt.empty(), false, legacyKeys);
        }
        try (DataKeyCache keys = new DataKeyCache(ring)) {
            assertThatThrownBy(() -> bags.upload("web", item("new", "x"), "app", OptionalInt.empty(), false, keys))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("app v0 has no encryption context")
                    .hasMessageContaining("'messer encryption increment <provider> app'");
            assertThat(bags.decrypt("web", "old", keys).json().get("value").getAsString()).isEqualTo("kept");
        }
        assertThat(ring.rollbackSuspects()).isEmpty();
        assertThat(bags.itemExists("web", "new")).isFalse();
    }

    @Test
    void aProfileWritingFormat1_stillWritesWithContextlessVersions() {
        legacy.create("app");
        legacyBags.createBag("web");
        try (DataKeyCache keys = new DataKeyCache(legacy)) {
            assertThat(legacyBags.upload("web", item("a", "x"), "app", OptionalInt.empty(), false, keys))
                    .isEqualTo(new KeyRef("app", 0));
        }
    }

    // case 5: the configured encryption context

    @Test
    void versionBoundToAnotherTeam_isRefusedNamingTheMissingPair() {
        KeyRing billing = new KeyRing(keysBucket, () -> master, EncryptionContext.parse("team=billing"), true);
        billing.create("app");

        assertThatThrownBy(() -> ring.unwrap(new KeyRef("app", 0)))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("is bound to team=billing")
                .hasMessageContaining("requires team=payments");
        KeyRing twoPairs = new KeyRing(keysBucket, () -> master, EncryptionContext.parse("team=billing,app=checkout"), true);
        assertThatThrownBy(() -> twoPairs.unwrap(new KeyRef("app", 0)))
                .isInstanceOf(IntegrityException.class).hasMessageContaining("bound to no app")
                .hasMessageContaining("requires app=checkout");
        billing.unwrap(new KeyRef("app", 0)).close();
    }

    @Test
    void contextlessVersion_isReadableUnderMinFormat1_andRefusedUnderMinFormat2() {
        legacy.create("app");
        ring.unwrap(new KeyRef("app", 0)).close();

        KeyRing strict = new KeyRing(keysBucket, () -> master, payments, true, false, StoreNotices.NONE);
        assertThatThrownBy(() -> strict.unwrap(new KeyRef("app", 0)))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("has no encryption context, which min_item_format = 2 refuses");
    }

    // case 13: version numbers are never reused

    @Test
    void deletedKeyVersionNumber_isNeverReused() {
        ring.create("app");
        ring.increment("app");
        bags.createBag("web");
        try (DataKeyCache keys = new DataKeyCache(ring)) {
            bags.upload("web", item("a", "sealed with v1"), "app", OptionalInt.of(1), false, keys);
        }
        ring.deleteVersion(new KeyRef("app", 1));

        assertThat(ring.increment("app")).isEqualTo(new KeyRef("app", 2));
        assertThat(ring.versions("app")).containsExactly(0, 2);
        try (DataKeyCache keys = new DataKeyCache(ring)) {
            assertThatThrownBy(() -> bags.decrypt("web", "a", keys))
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
        assertThatThrownBy(() -> ring.ensureVersion(new KeyRef("app", 0)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("never reused");
    }

    @Test
    void tombstones_areOutsideTheKeyPrefix_thatMesserLists() {
        ring.create("app");
        ring.increment("app");
        ring.deleteVersion(new KeyRef("app", 0));

        assertThat(keysBucket.list("app/")).containsExactly("app/", "app/1");
        assertThat(keysBucket.list(KeyRing.TOMBSTONES)).containsExactly("!deleted/app/0");
        assertThat(ring.wasDeleted(new KeyRef("app", 0))).isTrue();
    }

    private void plantContextless(KeyRef ref) {
        legacy.ensureVersion(ref);
        assertThat(keysBucket.get(ref.objectKey()).orElseThrow().metadata()).isEmpty();
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
