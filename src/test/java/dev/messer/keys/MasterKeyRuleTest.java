package dev.messer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.IntegrityException;
import dev.messer.local.LocalBlobStore;
import dev.messer.local.LocalMasterKey;
import dev.messer.masterkey.MasterKey;
import dev.messer.masterkey.MasterKeys;
import dev.messer.store.StoreNotices;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Versions wrapped by another master key than the profile's, on local key files: a version planted
 * above the profile's own (wrapped by a key file the planter holds) is neither sealed with nor opened;
 * what a move between master keys leaves still reads; writers seal only with the profile's own key.
 */
class MasterKeyRuleTest {

    @TempDir
    Path dir;

    private final Map<String, MasterKey> keys = Map.of("tier", new LocalMasterKey(DataKey.random(), "tier"),
            "next", new LocalMasterKey(DataKey.random(), "next"), "planted", new LocalMasterKey(DataKey.random(), "planted"));

    private KeyRing ring(LocalBlobStore store, String own) {
        MasterKeys masterKeys = new MasterKeys(() -> own, () -> keys.get(own), keys::get);
        KeyTrust trust = new KeyTrust(EncryptionContext.empty(), "dev", false, true, false);
        return new KeyRing(store, masterKeys, trust, StoreNotices.NONE, NewVersionWraps.NONE);
    }

    /** What someone who can write the keys folder stores: {@code ref} wrapped by {@code by}, recorded as such. */
    private static void store(LocalBlobStore store, KeyRef ref, String by, MasterKey key) {
        EncryptionContext context = EncryptionContext.of(Map.of(KeyRing.CONTEXT_KEY_NAME, ref.name(),
                KeyRing.CONTEXT_KEY_VERSION, String.valueOf(ref.version()), KeyRing.CONTEXT_TIER, "dev"));
        store.putIfAbsent(ref.objectKey(), key.generateWrappedDataKey(context),
                VersionMetadata.of(context, by, VersionMetadata.now()));
    }

    private void moveTo(KeyRing ring, KeyRef ref, String target) {
        VersionWraps wraps = new VersionWraps(ring);
        VersionWraps.Stored stored = wraps.stored(ref).orElseThrow();
        try (DataKey key = wraps.unwrap(stored)) {
            wraps.replace(stored, key, target);
        }
    }

    @Test
    void aPlantedLatestVersion_isNeitherSealedWithNorOpened_andEveryRefusalNamesTheKeyAndTheFix() {
        LocalBlobStore store = new LocalBlobStore(dir.resolve("keys"));
        try (KeyRing ring = ring(store, "tier")) {
            ring.create("app");
            KeyRef planted = new KeyRef("app", 1);
            store(store, planted, "planted", keys.get("planted"));
            assertThat(ring.latest("app")).isEqualTo(1);

            assertThatThrownBy(() -> ring.checkWritable(planted)).isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("encryption key app v1").hasMessageContaining("master key 'planted'")
                    .hasMessageContaining("not by this profile's master key 'tier'")
                    .hasMessageContaining("messer will not seal with it");
            try (CachingDataKeys dataKeys = new CachingDataKeys(ring)) {
                IntegrityException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                        IntegrityException.class, () -> dataKeys.forWriting(planted));
                assertThat(refused.getMessage()).contains("will not open items sealed with it");
                assertThat(refused.hint().toString()).contains("messer configure <provider> -m planted")
                        .contains("messer encryption rewrap <provider> app --to-master-key tier")
                        .contains("messer encryption delete <provider> app 1");
                assertThat(dataKeys.unwrapCount()).isOne();
                assertThat(dataKeys.forWriting(new KeyRef("app", 0))).isNotNull();
            }
            assertThatThrownBy(() -> ring.forReading(planted)).isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("no higher version is wrapped by the profile's key");

            ring.increment("app"); // a version of the profile's own above the planted one: the planted one still writes nothing
            assertThat(ring.forWriting(new KeyRef("app", 2))).isNotNull();
            assertThatThrownBy(() -> ring.forWriting(planted)).isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("messer will not seal with it");
        }
    }

    @Test
    void aKeyHalfMovedInAscendingOrder_readsEveryVersion_andSealsOnlyWithTheProfilesOwnKey() {
        LocalBlobStore store = new LocalBlobStore(dir.resolve("keys"));
        try (KeyRing ring = ring(store, "tier")) {
            ring.create("app");
            ring.increment("app");
            ring.increment("app");
            moveTo(ring, new KeyRef("app", 0), "next");
            moveTo(ring, new KeyRef("app", 1), "next");
            for (int version = 0; version < 3; version++) {
                assertThat(ring.forReading(new KeyRef("app", version))).isNotNull();
            }
            assertThat(ring.forWriting(new KeyRef("app", 2))).isNotNull();
            assertThatThrownBy(() -> ring.forWriting(new KeyRef("app", 1)))
                    .hasMessageContaining("wrapped by master key 'next'").hasMessageContaining("will not seal");

            moveTo(ring, new KeyRef("app", 2), "next"); // the whole key moved, the profile not yet pointed at it
            for (int version = 0; version < 3; version++) {
                assertThat(ring.forReading(new KeyRef("app", version))).isNotNull();
            }
            assertThatThrownBy(() -> ring.checkWritable(new KeyRef("app", 2)))
                    .hasMessageContaining("wrapped by master key 'next'");
        }
        try (KeyRing pointed = ring(store, "next")) {
            assertThat(pointed.forWriting(new KeyRef("app", 2))).isNotNull();
        }
    }

    @Test
    void aProfilePointedAtTheNewKeyBeforeTheMoveEnded_readsTheMovedVersions_andIsToldToFinishForTheRest() {
        LocalBlobStore store = new LocalBlobStore(dir.resolve("keys"));
        try (KeyRing ring = ring(store, "tier")) {
            ring.create("app");
            ring.increment("app");
            moveTo(ring, new KeyRef("app", 0), "next");
        }
        try (KeyRing early = ring(store, "next")) {
            assertThat(early.forReading(new KeyRef("app", 0))).isNotNull();
            assertThatThrownBy(() -> early.forReading(new KeyRef("app", 1)))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("wrapped by master key 'tier'")
                    .satisfies(e -> assertThat(((IntegrityException) e).hint().toString())
                            .contains("messer encryption rewrap <provider> app --to-master-key next"));
            moveTo(early, new KeyRef("app", 1), "next");
            assertThat(early.forWriting(new KeyRef("app", 1))).isNotNull();
        }
    }
}
