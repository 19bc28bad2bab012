package dev.messer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.error.IntegrityException;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.ForwardingBlobStore;
import dev.messer.store.MemoryBlobStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Version numbers someone who can write the keys bucket could plant to make a rotation rotate
 * nothing: a tombstone at 2^31 − 1 made the next version overflow to a negative number that sorted
 * below every other, so "latest" stayed the old, perhaps leaked, version.
 */
class KeyNumbersTest {

    private final MemoryBlobStore keysBucket = new MemoryBlobStore();
    private final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");
    private final KeyRing ring = TestKeyRing.of(keysBucket, master);

    @AfterEach
    void wipe() {
        master.close();
    }

    @Test
    void tombstoneAtTheIntLimit_makesIncrementFailAsTampering_andWritesNothing() {
        ring.create("app");
        plant("!deleted/app/2147483647");
        List<String> before = keysBucket.list("");

        assertThatThrownBy(() -> ring.increment("app"))
                .isInstanceOf(IntegrityException.class)
                .hasMessage("tombstone !deleted/app/2147483647 in " + keysBucket.describe() + " has a version number "
                        + "messer never writes (0 to 2147483646): someone who can write the keys bucket put it there; "
                        + "delete that object, check who can write the keys bucket, and run the command again");
        assertThat(keysBucket.list("")).isEqualTo(before);
        assertThat(ring.latest("app")).isZero();
    }

    @Test
    void negativeOrHugeTombstones_areRefusedToo() {
        ring.create("app");
        for (String number : new String[] {"-1", "-2147483648", "99999999999999999999", "+5"}) {
            MemoryBlobStore bucket = new MemoryBlobStore();
            KeyRing other = TestKeyRing.of(bucket, master);
            other.create("app");
            bucket.put("!deleted/app/" + number, new byte[0], Map.of());
            assertThatThrownBy(() -> other.increment("app")).as(number)
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("messer never writes");
        }
    }

    @Test
    void tombstoneFarAboveTheLatestVersion_isRefused() {
        ring.create("app");
        plant("!deleted/app/1001");

        assertThatThrownBy(() -> ring.increment("app"))
                .isInstanceOf(IntegrityException.class)
                .hasMessageStartingWith("tombstone !deleted/app/1001 in " + keysBucket.describe() + " lies more than "
                        + "1000 above the version below it (v0), which deleting never leaves: someone who can write");
        assertThat(ring.versions("app")).containsExactly(0);
    }

    @Test
    void tombstoneUpTo1000AboveTheLatest_isAccepted() {
        ring.create("app");
        plant("!deleted/app/1000");
        assertThat(ring.increment("app")).isEqualTo(new KeyRef("app", 1001));
    }

    @Test
    void tombstoneJustAboveTheLatest_afterDeletingTheNewest_isNormal() {
        ring.create("app");
        ring.increment("app");
        ring.deleteVersion(new KeyRef("app", 1));

        assertThat(ring.increment("app")).isEqualTo(new KeyRef("app", 2));
        assertThat(ring.versions("app")).containsExactly(0, 2);
    }

    @Test
    void aDeletedKeyWithManyVersions_isRecreatedAboveThem_thoughNoVersionIsLeft() {
        for (int v = 0; v <= 2500; v++) {
            plant("!deleted/app/" + v);
        }
        assertThat(ring.create("app")).isEqualTo(new KeyRef("app", 2501));
    }

    @Test
    void aDeletedKeyWhoseFirstTombstoneIsFarAboveZero_isRefused() {
        plant("!deleted/app/5000");
        assertThatThrownBy(() -> ring.create("app"))
                .isInstanceOf(IntegrityException.class).hasMessageContaining("(there is none)");
    }

    @Test
    void versionObjectWithANumberMesserNeverWrites_isTampering() {
        ring.create("app");
        for (String number : new String[] {"-1", "2147483647", "4294967296"}) {
            plant("app/" + number);
            assertThatThrownBy(() -> ring.versions("app")).as(number)
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageStartingWith("key object app/" + number + " in " + keysBucket.describe()
                            + " has a version number messer never writes (0 to 2147483646)");
            keysBucket.delete("app/" + number);
        }
        assertThat(ring.versions("app")).containsExactly(0);
    }

    @Test
    void theHighestVersion_hasNoNumberAfterIt_andIncrementSaysSo() {
        ring.create("app");
        TestKeyRing.on(keysBucket, master).plant(new KeyRef("app", 2147483646));

        assertThatThrownBy(() -> ring.increment("app"))
                .isInstanceOf(IntegrityException.class)
                .hasMessageStartingWith("encryption key app has no version number left above 2147483646");
        assertThat(ring.versions("app")).containsExactly(0, 2147483646);
    }

    @Test
    void newVersionThatIsNotListedAsTheLatest_failsTheIncrement() {
        MemoryBlobStore bucket = new MemoryBlobStore();
        ForwardingBlobStore hiding = new ForwardingBlobStore(bucket) {
            @Override
            public List<String> list(String prefix) {
                return delegate.list(prefix).stream().filter(k -> !k.equals("app/1")).toList();
            }
        };
        KeyRing hidden = TestKeyRing.of(hiding, master);
        hidden.create("app");

        assertThatThrownBy(() -> hidden.increment("app"))
                .isInstanceOf(IntegrityException.class)
                .hasMessageStartingWith("encryption key app v1 was written to " + hiding.describe() + " but is not its "
                        + "latest version (the latest is v0)");
    }

    @Test
    void nextVersion_countsTombstones_asIncrementWill() {
        ring.create("app");
        ring.increment("app");
        ring.deleteVersion(new KeyRef("app", 1));
        assertThat(ring.nextVersion("app")).isEqualTo(2);
        assertThat(ring.increment("app").version()).isEqualTo(2);
    }

    @Test
    void keyRef_refusesVersionsOutsideTheRange() {
        assertThatThrownBy(() -> new KeyRef("app", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyRef("app", Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new KeyRef("app", 2147483646).objectKey()).isEqualTo("app/2147483646");
    }

    private void plant(String key) {
        keysBucket.put(key, "planted\n".getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
