package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.messer.crypto.DataKey;
import dev.messer.error.NotFoundException;
import dev.messer.keys.TestKeyRing;
import dev.messer.keys.KeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.ForwardingBlobStore;
import dev.messer.store.MemoryBlobStore;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentReadsTest {

    private final MemoryBlobStore keyStore = new MemoryBlobStore();
    private final LocalMasterKey masterKey = new LocalMasterKey(DataKey.random(), "test master key");
    private final KeyRing ring = TestKeyRing.of(keyStore, masterKey);
    private final SecretsLayout layout = new SecretsLayout("dev", "secrets");

    private final List<ItemRef> fiveFromThreeBags = List.of(new ItemRef("a", "one"), new ItemRef("a", "two"),
            new ItemRef("b", "three"), new ItemRef("c", "four"), new ItemRef("c", "five"));

    private void seed(MemoryBlobStore secrets) {
        ring.create("app");
        ring.increment("app");
        try (TestBucket bucket = TestBucket.of(secrets, layout, ring)) {
            int i = 0;
            for (ItemRef ref : fiveFromThreeBags) {
                bucket.bags.createBag(ref.bag());
                JsonObject json = new JsonObject();
                json.addProperty("id", ref.id());
                json.addProperty("value", ref.toString());
                TestItems.upload(bucket.items, ref.bag(), ItemDocument.of(json, ref.toString()), "app",
                        OptionalInt.of(i++ % 2), true);
            }
        }
    }

    @Test
    void fiveItemsFromThreeBags_comeBackInOrder_withOneUnwrapPerKeyVersion() {
        MemoryBlobStore secrets = new MemoryBlobStore();
        seed(secrets);
        try (TestBucket bucket = TestBucket.of(secrets, layout, ring)) {
            List<ItemService.Opened> opened = ConcurrentReads.open(bucket.items, fiveFromThreeBags);
            assertThat(opened).extracting(o -> o.document().json().get("value").getAsString())
                    .containsExactly("a/one", "a/two", "b/three", "c/four", "c/five");
            assertThat(bucket.keys.unwrapCount()).isEqualTo(2);
        }
    }

    @Test
    void reads_runConcurrently() {
        CountDownLatch allAsked = new CountDownLatch(fiveFromThreeBags.size());
        MemoryBlobStore secrets = new MemoryBlobStore();
        seed(secrets);
        try (TestBucket waiting = TestBucket.of(new WaitingStore(secrets, allAsked), layout, ring)) {
            assertThat(ConcurrentReads.open(waiting.items, fiveFromThreeBags)).hasSize(5);
        }
    }

    @Test
    void firstFailureInOrder_isThrownAsRaised() {
        MemoryBlobStore secrets = new MemoryBlobStore();
        seed(secrets);
        try (TestBucket bucket = TestBucket.of(secrets, layout, ring)) {
            assertThatThrownBy(() -> ConcurrentReads.open(bucket.items, List.of(new ItemRef("a", "one"),
                    new ItemRef("a", "nope"), new ItemRef("b", "three"))))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("nope");
        }
    }

    /** A store whose reads of the items each wait until every item has been asked for: serial reads time out. */
    private final class WaitingStore extends ForwardingBlobStore {
        private final CountDownLatch allAsked;

        WaitingStore(BlobStore target, CountDownLatch allAsked) {
            super(target);
            this.allAsked = allAsked;
        }

        @Override
        public Optional<Blob> get(String key) {
            if (fiveFromThreeBags.stream().anyMatch(ref -> layout.itemKey(ref.bag(), ref.id()).equals(key))) {
                allAsked.countDown();
                try {
                    if (!allAsked.await(20, TimeUnit.SECONDS)) {
                        throw new AssertionError("item reads did not overlap: " + allAsked.getCount() + " never came");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return delegate.get(key);
        }
    }
}
