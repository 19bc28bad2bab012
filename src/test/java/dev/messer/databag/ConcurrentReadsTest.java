package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.error.NotFoundException;
import dev.messer.keys.DataKeyCache;
import dev.messer.keys.KeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.MemoryBlobStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentReadsTest {

    private final MemoryBlobStore keyStore = new MemoryBlobStore();
    private final LocalMasterKey masterKey = new LocalMasterKey(DataKey.random(), "test master key");
    private final KeyRing ring = new KeyRing(keyStore, () -> masterKey, EncryptionContext.empty(), true);
    private final SecretsLayout layout = new SecretsLayout("dev", "secrets");

    private final List<ItemRef> fiveFromThreeBags = List.of(new ItemRef("a", "one"), new ItemRef("a", "two"),
            new ItemRef("b", "three"), new ItemRef("c", "four"), new ItemRef("c", "five"));

    private DataBagService seeded(MemoryBlobStore secrets) {
        ring.create("app");
        ring.increment("app");
        DataBagService bags = new DataBagService(secrets, layout, EnvelopeVersion.V2);
        try (DataKeyCache cache = new DataKeyCache(ring)) {
            int i = 0;
            for (ItemRef ref : fiveFromThreeBags) {
                bags.createBag(ref.bag());
                JsonObject json = new JsonObject();
                json.addProperty("id", ref.id());
                json.addProperty("value", ref.toString());
                bags.upload(ref.bag(), ItemDocument.of(json, ref.toString()), "app", OptionalInt.of(i++ % 2), true, cache);
            }
        }
        return bags;
    }

    @Test
    void fiveItemsFromThreeBags_comeBackInOrder_withOneUnwrapPerKeyVersion() {
        DataBagService bags = seeded(new MemoryBlobStore());
        try (DataKeyCache cache = new DataKeyCache(ring)) {
            List<DataBagService.Opened> opened = ConcurrentReads.open(bags, fiveFromThreeBags, cache);
            assertThat(opened).extracting(o -> o.document().json().get("value").getAsString())
                    .containsExactly("a/one", "a/two", "b/three", "c/four", "c/five");
            assertThat(cache.unwrapCount()).isEqualTo(2);
        }
    }

    @Test
    void reads_runConcurrently() {
        CountDownLatch allAsked = new CountDownLatch(fiveFromThreeBags.size());
        MemoryBlobStore secrets = new MemoryBlobStore();
        seeded(secrets);
        DataBagService waiting = new DataBagService(new WaitingStore(secrets, allAsked), layout, EnvelopeVersion.V2);
        try (DataKeyCache cache = new DataKeyCache(ring)) {
            assertThat(ConcurrentReads.open(waiting, fiveFromThreeBags, cache)).hasSize(5);
        }
    }

    @Test
    void firstFailureInOrder_isThrownAsRaised() {
        DataBagService bags = seeded(new MemoryBlobStore());
        try (DataKeyCache cache = new DataKeyCache(ring)) {
            assertThatThrownBy(() -> ConcurrentReads.open(bags, List.of(new ItemRef("a", "one"),
                    new ItemRef("a", "nope"), new ItemRef("b", "three")), cache))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("nope");
        }
    }

    /** A store whose reads of the items each wait until every item has been asked for: serial reads time out. */
    private final class WaitingStore implements BlobStore {
        private final BlobStore target;
        private final CountDownLatch allAsked;

        WaitingStore(BlobStore target, CountDownLatch allAsked) {
            this.target = target;
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
            return target.get(key);
        }

        @Override
        public void put(String key, byte[] content, Map<String, String> metadata) {
            target.put(key, content, metadata);
        }

        @Override
        public void putIfAbsent(String key, byte[] content, Map<String, String> metadata) {
            target.putIfAbsent(key, content, metadata);
        }

        @Override
        public void putIfMatch(String key, byte[] content, Map<String, String> metadata, String etag) {
            target.putIfMatch(key, content, metadata, etag);
        }

        @Override
        public List<String> list(String prefix) {
            return target.list(prefix);
        }

        @Override
        public void delete(String key) {
            target.delete(key);
        }

        @Override
        public String describe() {
            return target.describe();
        }
    }
}
