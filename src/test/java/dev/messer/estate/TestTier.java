package dev.messer.estate;

import dev.messer.crypto.DataKey;
import dev.messer.databag.SecretsLayout;
import dev.messer.databag.TestBucket;
import dev.messer.databag.TestItems;
import dev.messer.keys.KeyRing;
import dev.messer.keys.TestKeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.MemoryBlobStore;
import dev.messer.store.StreamedListingStore;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One tier in memory for the estate scans, read through a store whose listing of the tier can only
 * be streamed ({@link StreamedListingStore}): a scan that asks for the whole listing at once fails.
 */
final class TestTier implements AutoCloseable {

    final SecretsLayout layout = new SecretsLayout("dev", "secrets");
    final MemoryBlobStore secrets = new MemoryBlobStore();
    final MemoryBlobStore keyStore = new MemoryBlobStore();
    final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");
    final KeyRing ring = TestKeyRing.of(keyStore, master);
    final StreamedListingStore streamed = new StreamedListingStore(secrets, layout.bagsPrefix());
    /** What the scans read: the tier through the streamed store. */
    final TestBucket read = TestBucket.of(streamed, layout, ring);
    final TestBucket write = TestBucket.of(secrets, layout, ring);

    TestTier() {
        ring.create("app");
    }

    /** Stores {@code bag/id} with {"password": value}, sealed with the latest version of key app. */
    TestTier item(String bag, String id, String value) {
        write.bags.createBag(bag);
        TestItems.upload(write.items, bag, TestItems.withPassword(id, value), "app", OptionalInt.empty(), true);
        return this;
    }

    /** Stores bytes at {@code bag/id} that are no item. */
    TestTier damaged(String bag, String id) {
        secrets.put(layout.itemKey(bag, id), "not an item".getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
        return this;
    }

    TierSource source() {
        return new TierSource("dev", "dev", "memory", "tester", read.bags, read.items, ring, keyStore, 2, 1);
    }

    @Override
    public void close() {
        read.close();
        write.close();
        master.close();
    }
}
