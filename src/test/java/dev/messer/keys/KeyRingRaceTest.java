package dev.messer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.error.AlreadyExistsException;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.ForwardingBlobStore;
import dev.messer.store.MemoryBlobStore;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link KeyRing#create} when another writer stores the same version first. */
class KeyRingRaceTest {

    private final MemoryBlobStore memory = new MemoryBlobStore();
    private final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");

    @AfterEach
    void wipe() {
        master.close();
    }

    /** The other writer stored version 0 and stopped before its marker: the key still gets one. */
    @Test
    void create_thatLosesTheRaceForVersionZero_reportsItAndStillLeavesTheFolderMarker() {
        ForwardingBlobStore racing = new ForwardingBlobStore(memory) {
            @Override
            protected void beforeConditionalWrite(String key) {
                delegate.put(key, new byte[] {1, 2, 3}, Map.of());
            }
        };
        KeyRing ring = TestKeyRing.of(racing, master);

        assertThatThrownBy(() -> ring.create("app")).isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("another writer created it");

        assertThat(memory.list("")).containsExactly("app/", "app/0");
        assertThat(memory.get("app/0").orElseThrow().content()).containsExactly(1, 2, 3);
    }
}
