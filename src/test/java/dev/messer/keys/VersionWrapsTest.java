package dev.messer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.ConflictException;
import dev.messer.error.IntegrityException;
import dev.messer.local.LocalBlobStore;
import dev.messer.local.LocalMasterKey;
import dev.messer.masterkey.MasterKey;
import dev.messer.masterkey.MasterKeys;
import dev.messer.store.Blob;
import dev.messer.store.StoreNotices;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving versions to another master key: per-version unwrapping, the check of each new wrap, the conditional write. */
class VersionWrapsTest {

    @TempDir
    Path dir;

    private final Map<String, MasterKey> keys = new HashMap<>(Map.of(
            "old", new LocalMasterKey(DataKey.random(), "old"), "new", new LocalMasterKey(DataKey.random(), "new")));

    private KeyRing ring(LocalBlobStore store) {
        MasterKeys masterKeys = new MasterKeys(() -> "old", () -> keys.get("old"), keys::get);
        KeyTrust trust = new KeyTrust(EncryptionContext.empty(), "dev", true, true, false);
        return new KeyRing(store, masterKeys, trust, StoreNotices.NONE, NewVersionWraps.NONE);
    }

    @Test
    void aVersionCopiedFromAnotherRegion_recordsThisRingsMasterKey_getsTheSecondWrap_andReadsByThatName() {
        KeyRing home = ring(new LocalBlobStore(dir.resolve("home")));
        KeyRef ref = home.create("app");
        LocalBlobStore otherStore = new LocalBlobStore(dir.resolve("other"));
        Map<KeyRef, byte[]> secondWraps = new HashMap<>();
        NewVersionWraps recording = new NewVersionWraps() {
            @Override
            public boolean prepare() {
                return true;
            }

            @Override
            public void wrap(KeyRef wrapped, DataKey key) {
                secondWraps.put(wrapped, key.withMaterialForWrapping(byte[]::clone));
            }
        };
        MasterKeys otherKeys = new MasterKeys(() -> "new", () -> keys.get("new"), keys::get);
        KeyTrust trust = new KeyTrust(EncryptionContext.empty(), "dev", true, true, false);
        EncryptionContext context = home.storedContext(ref).orElseThrow();
        byte[] material = home.forReading(ref).withMaterialForWrapping(byte[]::clone);
        try (KeyRing other = new KeyRing(otherStore, otherKeys, trust, StoreNotices.NONE, recording)) {
            other.importVersion(ref, home.forReading(ref), context);
            assertThat(otherStore.get("app/0").orElseThrow().metadata())
                    .containsEntry(KeyRing.MASTER_KEY_METADATA, "new").containsKey(KeyRing.CREATED_METADATA);
            assertThat(secondWraps.get(ref)).isEqualTo(material);
        }
        keys.remove("old"); // the copy unwraps with the key it names, and with no other
        try (KeyRing reader = new KeyRing(otherStore, new MasterKeys(() -> "old", () -> {
            throw new AssertionError("the profile's own key was asked for");
        }, keys::get), trust, StoreNotices.NONE, NewVersionWraps.NONE)) {
            assertThat(reader.forReading(ref).withMaterialForWrapping(byte[]::clone)).isEqualTo(material);
        }
        home.close();
    }

    @Test
    void newVersionsRecordTheirMasterKeyAndCreationTime_andAHalfMovedKeyStillReads() {
        LocalBlobStore store = new LocalBlobStore(dir.resolve("keys"));
        KeyRing ring = ring(store);
        ring.create("app");
        ring.increment("app");
        Blob stored = store.get("app/1").orElseThrow();
        assertThat(stored.metadata()).containsEntry(KeyRing.MASTER_KEY_METADATA, "old")
                .containsKey(KeyRing.CREATED_METADATA);
        VersionWraps wraps = new VersionWraps(ring);
        VersionWraps.Stored v0 = wraps.stored(new KeyRef("app", 0)).orElseThrow();
        String created = v0.blob().metadata().get(KeyRing.CREATED_METADATA);
        byte[] before;
        try (DataKey key = wraps.unwrap(v0)) {
            before = ring.forReading(new KeyRef("app", 0)).withMaterialForWrapping(byte[]::clone);
            wraps.replace(v0, key, "new");
        }
        Blob moved = store.get("app/0").orElseThrow();
        assertThat(moved.metadata()).containsEntry(KeyRing.MASTER_KEY_METADATA, "new")
                .containsEntry(KeyRing.CREATED_METADATA, created)
                .containsEntry(KeyRing.CONTEXT_METADATA, v0.blob().metadata().get(KeyRing.CONTEXT_METADATA));
        try (KeyRing fresh = ring(store)) {
            assertThat(fresh.forReading(new KeyRef("app", 0)).withMaterialForWrapping(byte[]::clone)).isEqualTo(before);
            assertThat(fresh.forReading(new KeyRef("app", 1))).isNotNull();
        }
        keys.remove("old");
        try (KeyRing withoutOld = ring(store)) {
            assertThat(withoutOld.forReading(new KeyRef("app", 0))).isNotNull();
        }
    }

    @Test
    void aNewWrapThatDoesNotUnwrapToTheSameKey_neverReplacesTheOldOne() {
        LocalBlobStore store = new LocalBlobStore(dir.resolve("keys"));
        KeyRing ring = ring(store);
        ring.create("app");
        MasterKey honest = keys.get("new");
        keys.put("new", new MasterKey() {
            @Override
            public byte[] generateWrappedDataKey(EncryptionContext context) {
                return honest.generateWrappedDataKey(context);
            }

            @Override
            public byte[] wrap(DataKey key, EncryptionContext context) {
                return honest.generateWrappedDataKey(context); // a wrap of some other key
            }

            @Override
            public DataKey unwrap(byte[] wrapped, EncryptionContext context) {
                return honest.unwrap(wrapped, context);
            }

            @Override
            public String describe() {
                return "broken";
            }
        });
        VersionWraps wraps = new VersionWraps(ring);
        VersionWraps.Stored v0 = wraps.stored(new KeyRef("app", 0)).orElseThrow();
        try (DataKey key = wraps.unwrap(v0)) {
            assertThatThrownBy(() -> wraps.replace(v0, key, "new")).isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("does not unwrap to the same key");
        }
        assertThat(store.get("app/0").orElseThrow().content()).isEqualTo(v0.blob().content());
    }

    @Test
    void aVersionChangedSinceItWasRead_isNotReplaced() {
        LocalBlobStore store = new LocalBlobStore(dir.resolve("keys"));
        KeyRing ring = ring(store);
        ring.create("app");
        VersionWraps wraps = new VersionWraps(ring);
        VersionWraps.Stored v0 = wraps.stored(new KeyRef("app", 0)).orElseThrow();
        try (DataKey key = wraps.unwrap(v0)) {
            VersionWraps.Stored again = wraps.stored(new KeyRef("app", 0)).orElseThrow();
            wraps.replace(again, key, "new");
            byte[] current = store.get("app/0").orElseThrow().content();
            assertThatThrownBy(() -> wraps.replace(v0, key, "old")).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("changed");
            assertThat(store.get("app/0").orElseThrow().content()).isEqualTo(current);
        }
    }

    @Test
    void aRecordedMasterKeyNameThatIsNoName_isRefused() {
        LocalBlobStore store = new LocalBlobStore(dir.resolve("keys"));
        KeyRing ring = ring(store);
        ring.create("app");
        Blob blob = store.get("app/0").orElseThrow();
        Map<String, String> metadata = new HashMap<>(blob.metadata());
        metadata.put(KeyRing.MASTER_KEY_METADATA, "../../etc");
        store.put("app/0", blob.content(), metadata);
        assertThatThrownBy(() -> ring(store).forReading(new KeyRef("app", 0))).isInstanceOf(IntegrityException.class)
                .hasMessageContaining("not a master key name");
    }
}
