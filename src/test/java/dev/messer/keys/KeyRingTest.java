package dev.messer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.error.NotFoundException;
import dev.messer.local.LocalMasterKey;
import dev.messer.names.Names;
import dev.messer.store.Blob;
import dev.messer.store.MemoryBlobStore;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private final MemoryBlobStore store = new MemoryBlobStore();
    private final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");
    private final EncryptionContext configured = EncryptionContext.parse("team=payments");
    private final KeyRing ring = TestKeyRing.on(store, master).context(configured).build();

    @AfterEach
    void wipe() {
        master.close();
    }

    @Test
    void create_writesTheMarkerAndVersionZero() {
        assertThat(ring.create("app")).isEqualTo(new KeyRef("app", 0));
        assertThat(store.list("")).containsExactly("app/", "app/0");
        assertThat(store.get("app/").orElseThrow().content()).isEmpty();
        assertThat(ring.versions("app")).containsExactly(0);
    }

    @Test
    void create_ofAnExistingKey_failsNamingIncrement() {
        ring.create("app");
        assertThatThrownBy(() -> ring.create("app"))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("encryption increment");
        assertThat(ring.versions("app")).containsExactly(0);
    }

    @Test
    void create_whoseMasterKeyFails_leavesNothingBehind() {
        KeyRing failing = TestKeyRing.on(store, () -> {
            throw new NotFoundException("alias/missing does not exist");
        }).context(configured).build();
        assertThatThrownBy(() -> failing.create("app")).isInstanceOf(NotFoundException.class);
        assertThat(store.list("")).isEmpty();
        assertThat(failing.names()).isEmpty();
    }

    @Test
    void create_withAnInvalidName_isRefused() {
        assertThatThrownBy(() -> ring.create("../x")).isInstanceOf(Names.InvalidNameException.class);
        assertThatThrownBy(() -> ring.create("a/b")).isInstanceOf(InvalidInputException.class);
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void increment_addsLatestPlusOne() {
        ring.create("app");
        assertThat(ring.increment("app")).isEqualTo(new KeyRef("app", 1));
        assertThat(ring.increment("app")).isEqualTo(new KeyRef("app", 2));
        assertThat(ring.versions("app")).containsExactly(0, 1, 2);
        assertThat(ring.latest("app")).isEqualTo(2);
    }

    @Test
    void increment_ofAMissingKey_isNotFoundNamingCreate() {
        assertThatThrownBy(() -> ring.increment("nope"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("encryption create");
    }

    @Test
    void versions_areNumericallyOrdered_notTextually() {
        ring.create("app");
        for (int i = 0; i < 11; i++) {
            ring.increment("app");
        }
        assertThat(ring.versions("app")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(ring.latest("app")).isEqualTo(11);
    }

    @Test
    void versions_ofAKeyWhoseNameIsAPrefixOfAnother_areItsOwn() {
        ring.create("app");
        ring.create("app2");
        ring.increment("app2");
        assertThat(ring.versions("app")).containsExactly(0);
        assertThat(ring.names()).containsExactly("app", "app2");
    }

    @Test
    void versions_withANonIntegerObject_isInvalidInputNamingIt() {
        ring.create("app");
        store.put("app/latest", new byte[1], Map.of());
        assertThatThrownBy(() -> ring.versions("app"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("app/latest");
    }

    @Test
    void names_listsEveryKeySorted_andNothingForAnEmptyBucket() {
        assertThat(ring.names()).isEmpty();
        ring.create("zeta");
        ring.create("alpha");
        assertThat(ring.names()).containsExactly("alpha", "zeta");
    }

    @Test
    void newVersions_carryTheirContextAsMetadata() {
        ring.create("app");
        ring.increment("app");
        Blob v1 = store.get("app/1").orElseThrow();
        EncryptionContext stored = EncryptionContext.fromMetadataValue(v1.metadata().get(KeyRing.CONTEXT_METADATA));
        assertThat(stored.asMap()).containsExactly(Map.entry("messer:key_name", "app"),
                Map.entry("messer:key_version", "1"), Map.entry("team", "payments"));
    }

    @Test
    void newVersionsOfATieredProfile_carryTheTierInTheirContext_andAreWrappedUnderIt() {
        KeyRing tiered = TestKeyRing.on(store, master).context(configured).tier("prod", true).build();
        tiered.create("app");
        Blob v0 = store.get("app/0").orElseThrow();
        EncryptionContext stored = EncryptionContext.fromMetadataValue(v0.metadata().get(KeyRing.CONTEXT_METADATA));
        assertThat(stored.asMap()).containsEntry("messer:tier", "prod").containsEntry("team", "payments")
                .containsEntry("messer:key_name", "app").containsEntry("messer:key_version", "0");
        EncryptionContext withoutTier = configured.with("messer:key_name", "app").with("messer:key_version", "0");
        assertThatThrownBy(() -> master.unwrap(v0.content(), withoutTier)).isInstanceOf(IntegrityException.class);
        try (DataKey key = tiered.forReading(new KeyRef("app", 0))) {
            assertThat(key.isDestroyed()).isFalse();
        }
    }

    @Test
    void versionsWrittenBeforeTheTierWasInTheContext_stillUnwrap() {
        ring.create("app");
        KeyRing tiered = TestKeyRing.on(store, master).context(configured).tier("prod", true).build();
        tiered.increment("app");
        try (DataKey old = tiered.forReading(new KeyRef("app", 0)); DataKey fresh = tiered.forReading(new KeyRef("app", 1))) {
            assertThat(old.isDestroyed()).isFalse();
            assertThat(fresh.isDestroyed()).isFalse();
        }
    }

    @Test
    void itemFormat1_keepsNoContext_evenWithATier() {
        TestKeyRing.on(store, master).context(configured).tier("prod", true).unbound().build().create("app");
        assertThat(store.get("app/0").orElseThrow().metadata()).doesNotContainKey(KeyRing.CONTEXT_METADATA)
                .containsOnlyKeys(KeyRing.CREATED_METADATA);
    }

    @Test
    void keyObjectCopiedFromAnotherTiersKeysBucket_isRefused_thoughTheSharedMasterKeyWouldUnwrapIt() {
        MemoryBlobStore prodKeys = new MemoryBlobStore();
        TestKeyRing.on(prodKeys, master).context(configured).tier("prod", true).build().create("app");
        Blob prodV0 = prodKeys.get("app/0").orElseThrow();
        store.put("app/", new byte[0], Map.of());
        store.put("app/0", prodV0.content(), prodV0.metadata());
        KeyRing dev = TestKeyRing.on(store, master).context(configured).tier("dev", true).build();
        assertThatThrownBy(() -> dev.forReading(new KeyRef("app", 0))).isInstanceOf(IntegrityException.class)
                .hasMessageContaining("tier 'prod'").hasMessageContaining("tier 'dev'").hasMessageContaining("app/0");
        KeyRing sharedLocal = TestKeyRing.on(store, master).context(configured).tier("dev", false).build();
        try (DataKey key = sharedLocal.forReading(new KeyRef("app", 0))) {
            assertThat(key.isDestroyed()).as("tiers sharing a local keys folder share its keys").isFalse();
        }
    }

    @Test
    void newVersions_areWrappedUnderThatContext() {
        ring.create("app");
        byte[] wrapped = store.get("app/0").orElseThrow().content();
        EncryptionContext expected = configured.with("messer:key_name", "app").with("messer:key_version", "0");
        try (DataKey key = master.unwrap(wrapped, expected)) {
            assertThat(key.isDestroyed()).isFalse();
        }
        assertThatThrownBy(() -> master.unwrap(wrapped, EncryptionContext.empty())).isInstanceOf(IntegrityException.class);
    }

    @Test
    void forReading_returnsTheSameKeyEachTime() {
        ring.create("app");
        try (DataKey a = ring.forReading(new KeyRef("app", 0)); DataKey b = ring.forReading(new KeyRef("app", 0))) {
            assertThat(a.withMaterialForWrapping(byte[]::clone)).isEqualTo(b.withMaterialForWrapping(byte[]::clone));
        }
    }

    @Test
    void forReading_ofAMissingVersion_isNotFoundNamingList() {
        ring.create("app");
        assertThatThrownBy(() -> ring.forReading(new KeyRef("app", 4)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("app v4")
                .hasMessageContaining("'messer encryption list <provider> app'");
    }

    @Test
    void itemFormat1_writesNoContext_soPythonMesserCanUnwrap() {
        KeyRing messerCompatible = TestKeyRing.on(store, master).context(configured).unbound().build();
        messerCompatible.create("app");
        Blob blob = store.get("app/0").orElseThrow();
        assertThat(blob.metadata()).containsOnlyKeys(KeyRing.CREATED_METADATA); // no context; Messer ignores the time
        try (DataKey key = master.unwrap(blob.content(), EncryptionContext.empty())) {
            assertThat(key.isDestroyed()).isFalse();
        }
        try (DataKey key = ring.forReading(new KeyRef("app", 0))) {
            assertThat(key.isDestroyed()).isFalse();
        }
    }

    @Test
    void messerStyleKeyObjectWithoutMetadata_unwrapsWithEmptyContext() {
        store.put("legacy/", new byte[0], Map.of());
        store.put("legacy/0", master.generateWrappedDataKey(EncryptionContext.empty()), Map.of());
        try (DataKey key = ring.forReading(new KeyRef("legacy", 0))) {
            assertThat(key.isDestroyed()).isFalse();
        }
    }

    @Test
    void keyObjectCopiedToAnotherVersion_failsIntegrity() {
        ring.create("app");
        ring.increment("app");
        Blob v0 = store.get("app/0").orElseThrow();
        store.put("app/1", v0.content(), v0.metadata());
        assertThatThrownBy(() -> ring.forReading(new KeyRef("app", 1)))
                .isInstanceOf(IntegrityException.class).hasMessageContaining("moved or relabelled");
    }

    @Test
    void keyObjectCopiedToAnotherKeyName_failsIntegrity() {
        ring.create("app");
        Blob v0 = store.get("app/0").orElseThrow();
        store.put("other/0", v0.content(), v0.metadata());
        assertThatThrownBy(() -> ring.forReading(new KeyRef("other", 0))).isInstanceOf(IntegrityException.class);
    }

    @Test
    void keyObjectWithItsContextRewrittenToMatchANewPlace_failsIntegrity() {
        ring.create("app");
        Blob v0 = store.get("app/0").orElseThrow();
        EncryptionContext forged = configured.with("messer:key_name", "app").with("messer:key_version", "5");
        store.put("app/5", v0.content(), Map.of(KeyRing.CONTEXT_METADATA, forged.toMetadataValue()));
        assertThatThrownBy(() -> ring.forReading(new KeyRef("app", 5))).isInstanceOf(IntegrityException.class);
    }

    @Test
    void keyObjectWithItsContextMetadataStripped_failsIntegrity() {
        ring.create("app");
        Blob v0 = store.get("app/0").orElseThrow();
        store.put("app/0", v0.content(), Map.of());
        assertThatThrownBy(() -> ring.forReading(new KeyRef("app", 0))).isInstanceOf(IntegrityException.class);
    }

    @Test
    void unwrapFailure_namesTheKeyVersionAndItsObject() {
        ring.create("app");
        Blob v0 = store.get("app/0").orElseThrow();
        byte[] corrupted = v0.content();
        corrupted[20] ^= 1;
        store.put("app/0", corrupted, v0.metadata());
        assertThatThrownBy(() -> ring.forReading(new KeyRef("app", 0))).isInstanceOf(IntegrityException.class)
                .hasMessageStartingWith("encryption key app v0 (app/0 in memory bucket): ")
                .hasMessageContaining("test master key");
    }

    @Test
    void damagedContextMetadata_failsIntegrityNamingTheObject() {
        ring.create("app");
        Blob v0 = store.get("app/0").orElseThrow();
        store.put("app/0", v0.content(), Map.of(KeyRing.CONTEXT_METADATA, "garbage-without-equals"));
        assertThatThrownBy(() -> ring.forReading(new KeyRef("app", 0))).isInstanceOf(IntegrityException.class)
                .hasMessageContaining("app/0").hasMessageContaining("damaged");
    }

    @Test
    void deleteKey_removesEveryVersionAndTheMarker() {
        ring.create("app");
        ring.increment("app");
        ring.create("keep");
        assertThat(ring.deleteKey("app")).containsExactly(new KeyRef("app", 0), new KeyRef("app", 1));
        assertThat(store.list("")).containsExactly(KeyRing.TOMBSTONES + "app/0", KeyRing.TOMBSTONES + "app/1",
                "keep/", "keep/0");
        assertThat(ring.names()).containsExactly("keep");
    }

    @Test
    void deleteKey_ofAMissingKey_isNotFound() {
        assertThatThrownBy(() -> ring.deleteKey("nope")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void deleteKey_ofAMarkerOnlyKey_removesTheMarker() {
        store.put("empty/", new byte[0], Map.of());
        assertThat(ring.deleteKey("empty")).isEmpty();
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void deleteVersion_removesOnlyThatVersion() {
        ring.create("app");
        ring.increment("app");
        ring.deleteVersion(new KeyRef("app", 0));
        assertThat(ring.versions("app")).containsExactly(1);
        assertThat(ring.exists(new KeyRef("app", 0))).isFalse();
    }

    @Test
    void deleteVersion_ofAMissingVersion_isNotFound() {
        ring.create("app");
        assertThatThrownBy(() -> ring.deleteVersion(new KeyRef("app", 3)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("encryption list");
    }

    @Test
    void listing_needsNoMasterKey() {
        AtomicInteger asked = new AtomicInteger();
        ring.create("app");
        KeyRing lazy = TestKeyRing.on(store, () -> {
            asked.incrementAndGet();
            return master;
        }).context(configured).build();
        assertThat(lazy.names()).containsExactly("app");
        assertThat(lazy.versions("app")).containsExactly(0);
        assertThat(asked).hasValue(0);
    }
}
