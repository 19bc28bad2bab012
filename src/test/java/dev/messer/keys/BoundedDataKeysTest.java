package dev.messer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.MemoryBlobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link CachingDataKeys} within {@link DataKeyCacheBounds}: how many keys, for how long, and what goes is wiped. */
class BoundedDataKeysTest {

    private static final KeyRef V0 = new KeyRef("app", 0);
    private static final KeyRef V1 = new KeyRef("app", 1);
    private static final KeyRef V2 = new KeyRef("app", 2);

    private final MemoryBlobStore store = new MemoryBlobStore();
    private final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");
    private final KeyRing ring = TestKeyRing.of(store, master);
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeEach
    void versions() {
        ring.create("app");
        ring.increment("app");
        ring.increment("app");
    }

    @AfterEach
    void wipe() {
        ring.close();
        master.close();
    }

    private CachingDataKeys cache(int maxKeys, Duration maxAge) {
        return new CachingDataKeys(ring, RingChoice.only(ring), new DataKeyCacheBounds(maxKeys, maxAge, clock));
    }

    private static void read(CachingDataKeys cache, KeyRef ref) {
        cache.forReading(ref).close();
    }

    @Test
    void beyondMaxKeys_theLeastRecentlyUsedVersionGoes_andIsWiped() {
        try (CachingDataKeys cache = cache(2, Duration.ofHours(1))) {
            read(cache, V0);
            read(cache, V1);
            read(cache, V0); // v0 is now the more recently used
            DataKey cachedV1 = cache.cachedForTest().get(V1);

            read(cache, V2);

            assertThat(cache.cachedForTest()).containsOnlyKeys(V0, V2);
            assertThat(cachedV1.isDestroyed()).as("the evicted key is zeroed").isTrue();
            assertThat(cache.unwrapCount()).isEqualTo(3);
            read(cache, V0);
            assertThat(cache.unwrapCount()).as("v0 stayed").isEqualTo(3);
            read(cache, V1);
            assertThat(cache.unwrapCount()).as("v1 is unwrapped again").isEqualTo(4);
            assertThat(cache.size()).isEqualTo(2);
        }
    }

    @Test
    void aKeyUnwrappedMaxAgeAgo_isUnwrappedAgain_andTheOldOneIsWiped() {
        try (CachingDataKeys cache = cache(10, Duration.ofHours(1))) {
            read(cache, V0);
            DataKey first = cache.cachedForTest().get(V0);
            clock.advance(Duration.ofMinutes(59));
            read(cache, V0);
            assertThat(cache.unwrapCount()).as("within the hour: cached").isEqualTo(1);
            assertThat(first.isDestroyed()).isFalse();

            clock.advance(Duration.ofMinutes(1));
            try (DataKey again = cache.forReading(V0); DataKey truth = ring.forReading(V0)) {
                assertThat(again.sameAs(truth)).isTrue();
            }

            assertThat(cache.unwrapCount()).as("an hour after the unwrap: unwrapped again").isEqualTo(2);
            assertThat(first.isDestroyed()).isTrue();
            assertThat(cache.cachedForTest().get(V0).isDestroyed()).isFalse();
        }
    }

    @Test
    void anExpiredKey_isWipedAtTheNextCall_evenForAnotherVersion() {
        try (CachingDataKeys cache = cache(10, Duration.ofHours(1))) {
            read(cache, V0);
            DataKey old = cache.cachedForTest().get(V0);
            clock.advance(Duration.ofMinutes(30));
            read(cache, V1);
            clock.advance(Duration.ofMinutes(31));

            read(cache, V2);

            assertThat(old.isDestroyed()).isTrue();
            assertThat(cache.cachedForTest()).containsOnlyKeys(V1, V2);
        }
    }

    @Test
    void aCopyLentBeforeItsVersionWasEvicted_stillWorks() {
        try (CachingDataKeys cache = cache(1, Duration.ofHours(1))) {
            DataKey lent = cache.forReading(V0);
            DataKey cachedV0 = cache.cachedForTest().get(V0);
            read(cache, V1);
            clock.advance(Duration.ofHours(2));
            read(cache, V2);

            assertThat(cachedV0.isDestroyed()).isTrue();
            assertThat(lent.isDestroyed()).isFalse();
            try (DataKey truth = ring.forReading(V0)) {
                assertThat(lent.sameAs(truth)).isTrue();
            }
            lent.close();
        }
    }

    @Test
    void forWriting_afterAnEviction_unwrapsAgain_andChecksTheWriteRule() {
        try (CachingDataKeys cache = cache(1, Duration.ofHours(1))) {
            cache.forWriting(V0).close();
            read(cache, V1);
            try (DataKey written = cache.forWriting(V0); DataKey truth = ring.forReading(V0)) {
                assertThat(written.sameAs(truth)).isTrue();
            }
            assertThat(cache.unwrapCount()).isEqualTo(3);
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void manyThreads_overMoreVersionsThanTheBound_getTheRightKeys_andTheBoundHolds() throws Exception {
        List<KeyRef> refs = new ArrayList<>(List.of(V0, V1, V2));
        for (int i = 0; i < 3; i++) {
            refs.add(ring.increment("app"));
        }
        Map<KeyRef, byte[]> truth = new java.util.HashMap<>();
        for (KeyRef ref : refs) {
            truth.put(ref, ring.forReading(ref).withMaterialForWrapping(byte[]::clone));
        }
        CachingDataKeys cache = cache(2, Duration.ofMinutes(5));
        List<DataKey> cachedSeen = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            results.add(pool.submit(() -> {
                start.await();
                int wrong = 0;
                for (int i = 0; i < 300; i++) {
                    KeyRef ref = refs.get(ThreadLocalRandom.current().nextInt(refs.size()));
                    boolean write = i % 3 == 0;
                    try (DataKey key = write ? cache.forWriting(ref) : cache.forReading(ref)) {
                        byte[] material = key.withMaterialForWrapping(byte[]::clone);
                        wrong += java.util.Arrays.equals(material, truth.get(ref)) ? 0 : 1;
                    }
                    if (i % 50 == 0) {
                        clock.advance(Duration.ofMinutes(1));
                        cachedSeen.addAll(cache.cachedForTest().values());
                    }
                }
                return wrong;
            }));
        }
        start.countDown();
        for (Future<Integer> result : results) {
            assertThat(result.get()).as("keys with the wrong bytes (a wiped or another version's key)").isZero();
        }
        pool.shutdown();
        assertThat(cache.size()).isLessThanOrEqualTo(2);
        assertThat(cache.unwrapCount()).as("the bound made it unwrap again").isGreaterThan(refs.size());
        cachedSeen.addAll(cache.cachedForTest().values());
        cache.close();
        assertThat(cachedSeen).allMatch(DataKey::isDestroyed);
    }

    @Test
    void boundsBelowOneKeyOrWithoutTime_areRefused() {
        assertThatThrownBy(() -> new DataKeyCacheBounds(0, Duration.ofHours(1), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 key");
        assertThatThrownBy(() -> new DataKeyCacheBounds(1, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive time");
    }

    @Test
    void aCommandsBounds_keepEveryVersionForTheRun() {
        try (CachingDataKeys cache = new CachingDataKeys(ring)) {
            List<KeyRef> refs = new ArrayList<>(List.of(V0, V1, V2));
            for (int i = 0; i < 40; i++) {
                refs.add(ring.increment("app"));
            }
            refs.forEach(ref -> read(cache, ref));
            refs.forEach(ref -> read(cache, ref));
            assertThat(cache.unwrapCount()).isEqualTo(refs.size());
            assertThat(cache.cachedForTest().values()).hasSize(refs.size()).noneMatch(DataKey::isDestroyed);
        }
    }
}
