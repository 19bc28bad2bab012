package dev.messer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.ConflictException;
import dev.messer.error.NotFoundException;
import dev.messer.local.LocalMasterKey;
import dev.messer.masterkey.MasterKey;
import dev.messer.store.MemoryBlobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CachingDataKeysTest {

    private final MemoryBlobStore store = new MemoryBlobStore();
    private final LocalMasterKey local = new LocalMasterKey(DataKey.random(), "test master key");
    private final AtomicInteger masterUnwraps = new AtomicInteger();
    private final MasterKey counting = new MasterKey() {
        @Override
        public byte[] generateWrappedDataKey(EncryptionContext context) {
            return local.generateWrappedDataKey(context);
        }

        @Override

        public byte[] wrap(DataKey key, EncryptionContext context) {

            return local.wrap(key, context);

        }


        @Override
        public DataKey unwrap(byte[] wrapped, EncryptionContext context) {
            masterUnwraps.incrementAndGet();
            return local.unwrap(wrapped, context);
        }

        @Override
        public String describe() {
            return local.describe();
        }
    };
    private final KeyRing ring = TestKeyRing.of(store, counting);

    @AfterEach
    void wipe() {
        local.close();
    }

    @Test
    void forReading_unwrapsOncePerVersion_acrossManyThreads() throws Exception {
        ring.create("app");
        ring.increment("app");
        try (CachingDataKeys cache = new CachingDataKeys(ring)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<DataKey>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                KeyRef ref = new KeyRef("app", i % 2);
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.forReading(ref);
                }));
            }
            start.countDown();
            List<DataKey> keys = new ArrayList<>();
            for (Future<DataKey> f : results) {
                keys.add(f.get());
            }
            pool.shutdown();
            assertThat(masterUnwraps).hasValue(2);
            assertThat(cache.unwrapCount()).isEqualTo(2);
            assertThat(keys).allSatisfy(key -> assertThat(key.sameAs(keys.get(0)) || key.sameAs(keys.get(1))).isTrue());
            assertThat(keys.get(0).sameAs(keys.get(1))).isFalse();
        }
    }

    @Test
    void close_wipesEveryCachedKey_andEveryCopyStillLent() {
        ring.create("app");
        ring.create("other");
        CachingDataKeys cache = new CachingDataKeys(ring);
        DataKey a = cache.forReading(new KeyRef("app", 0));
        DataKey b = cache.forReading(new KeyRef("other", 0));
        java.util.Collection<DataKey> cached = cache.cachedForTest().values();
        assertThat(cached).hasSize(2).noneMatch(DataKey::isDestroyed);
        cache.close();
        assertThat(a.isDestroyed()).isTrue();
        assertThat(b.isDestroyed()).isTrue();
        assertThat(cached).allMatch(DataKey::isDestroyed);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a deadlock fails, not hangs
    void keyUnwrappedWhileTheCacheCloses_isWipedAndNotHandedOut() throws Exception {
        ring.create("app");
        CountDownLatch unwrapping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<DataKey> unwrapped = new ArrayList<>();
        MasterKey slow = new MasterKey() {
            @Override
            public byte[] generateWrappedDataKey(EncryptionContext context) {
                return local.generateWrappedDataKey(context);
            }

            @Override

            public byte[] wrap(DataKey key, EncryptionContext context) {

                return local.wrap(key, context);

            }


            @Override
            public DataKey unwrap(byte[] wrapped, EncryptionContext context) {
                unwrapping.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                DataKey key = local.unwrap(wrapped, context);
                unwrapped.add(key);
                return key;
            }

            @Override
            public String describe() {
                return "slow";
            }
        };
        CachingDataKeys cache = new CachingDataKeys(TestKeyRing.of(store, slow));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<DataKey> pending = pool.submit(() -> cache.forReading(new KeyRef("app", 0)));
        unwrapping.await();
        cache.close();
        release.countDown();
        assertThatThrownBy(pending::get).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed while app v0 was being unwrapped");
        pool.shutdown();
        assertThat(unwrapped).hasSize(1);
        assertThat(unwrapped.get(0).isDestroyed()).isTrue();
    }

    @Test
    void forReading_afterClose_isRefused() {
        ring.create("app");
        CachingDataKeys cache = new CachingDataKeys(ring);
        cache.close();
        assertThatThrownBy(() -> cache.forReading(new KeyRef("app", 0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void forReading_ofAMissingVersion_isNotFound_andIsNotCached() {
        ring.create("app");
        try (CachingDataKeys cache = new CachingDataKeys(ring)) {
            assertThatThrownBy(() -> cache.forReading(new KeyRef("app", 9))).isInstanceOf(NotFoundException.class);
            TestKeyRing.on(store, counting).plant(new KeyRef("app", 9));
            assertThat(cache.forReading(new KeyRef("app", 9)).isDestroyed()).isFalse();
        }
    }

    @Test
    void readThenWrite_ofOneVersion_unwrapsItOnce_andHandsOutCopiesOfOneKey() {
        ring.create("app");
        try (CachingDataKeys cache = new CachingDataKeys(ring)) {
            DataKey read = cache.forReading(new KeyRef("app", 0));
            DataKey written = cache.forWriting(new KeyRef("app", 0));
            assertThat(written).isNotSameAs(read);
            assertThat(written.sameAs(read)).isTrue();
            read.close();
            assertThat(cache.forReading(new KeyRef("app", 0)).sameAs(written)).as("closing a copy leaves the cache's key").isTrue();
            assertThat(masterUnwraps).hasValue(1);
            assertThat(cache.unwrapCount()).isEqualTo(1);
        }
    }

    @Test
    void forWriting_ofAContextlessVersion_isRefusedByABoundProfile_thoughItStaysReadable() {
        TestKeyRing.on(store, counting).unbound().plant(new KeyRef("legacy", 0));
        try (CachingDataKeys cache = new CachingDataKeys(ring)) {
            DataKey read = cache.forReading(new KeyRef("legacy", 0));
            assertThatThrownBy(() -> cache.forWriting(new KeyRef("legacy", 0)))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("legacy v0 has no encryption context");
            assertThat(read.isDestroyed()).isFalse();
            assertThat(masterUnwraps).hasValue(1);
        }
    }

    @Test
    void theRingAsDataKeys_unwrapsOnEveryCall_andWipesWhatItHandedOutWhenClosed() {
        KeyRing uncached = TestKeyRing.of(store, counting);
        uncached.create("app");
        DataKey first = uncached.forReading(new KeyRef("app", 0));
        DataKey second = uncached.forWriting(new KeyRef("app", 0));
        assertThat(second).isNotSameAs(first);
        assertThat(masterUnwraps).hasValue(2);

        uncached.close();

        assertThat(first.isDestroyed()).isTrue();
        assertThat(second.isDestroyed()).isTrue();
        assertThatThrownBy(() -> uncached.forReading(new KeyRef("app", 0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theRingAsDataKeys_refusesToHandOutAContextlessVersionForWriting_andWipesIt() {
        List<DataKey> unwrapped = new ArrayList<>();
        MasterKey keeping = new MasterKey() {
            @Override
            public byte[] generateWrappedDataKey(EncryptionContext context) {
                return local.generateWrappedDataKey(context);
            }

            @Override

            public byte[] wrap(DataKey key, EncryptionContext context) {

                return local.wrap(key, context);

            }


            @Override
            public DataKey unwrap(byte[] wrapped, EncryptionContext context) {
                DataKey key = local.unwrap(wrapped, context);
                unwrapped.add(key);
                return key;
            }

            @Override
            public String describe() {
                return "keeping";
            }
        };
        TestKeyRing.on(store, keeping).unbound().plant(new KeyRef("legacy", 0));
        KeyRing bound = TestKeyRing.of(store, keeping);

        assertThatThrownBy(() -> bound.forWriting(new KeyRef("legacy", 0))).isInstanceOf(ConflictException.class);

        assertThat(unwrapped).singleElement().satisfies(key -> assertThat(key.isDestroyed()).isTrue());
    }
}
