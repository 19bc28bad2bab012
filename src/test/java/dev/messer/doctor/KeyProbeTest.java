package dev.messer.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.databag.SecretsLayout;
import dev.messer.databag.TestBucket;
import dev.messer.databag.TestItems;
import dev.messer.keys.KeyRing;
import dev.messer.keys.TestKeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.MemoryBlobStore;
import dev.messer.store.StreamedListingStore;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyProbeTest {

    private final SecretsLayout layout = new SecretsLayout("dev", "secrets");
    private final MemoryBlobStore secrets = new MemoryBlobStore();
    private final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");
    private final KeyRing ring = TestKeyRing.of(new MemoryBlobStore(), master);
    private final StreamedListingStore streamed = new StreamedListingStore(secrets, layout.bagsPrefix());
    private final TestBucket read = TestBucket.of(streamed, layout, ring);

    @AfterEach
    void close() {
        read.close();
        master.close();
    }

    @Test
    void format1Items_countsTheItemsInFormat1_readAsTheListingHandsThemOut_neverTheWholeListingAtOnce() {
        ring.create("app");
        upload(EnvelopeVersion.V1, "old", 3);
        upload(EnvelopeVersion.V2, "new", 4);

        long format1 = KeyProbe.format1Items(read.bags, read.items);

        assertThat(format1).isEqualTo(3);
        assertThat(streamed.handedOut()).isEqualTo(9); // 7 items and 2 bag markers
    }

    private void upload(EnvelopeVersion format, String bag, int count) {
        try (TestBucket write = TestBucket.on(secrets, layout, ring).format(format).build()) {
            write.bags.createBag(bag);
            for (int i = 0; i < count; i++) {
                TestItems.upload(write.items, bag, TestItems.withPassword("item" + i, "v"), "app", OptionalInt.empty(),
                        true);
            }
        }
    }
}
