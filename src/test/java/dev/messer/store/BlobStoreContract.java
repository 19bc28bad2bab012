package dev.messer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} must do. One subclass per implementation runs it: the local store,
 * S3 on moto, and the in-memory store the unit tests use. What a store keeps when a write is cut
 * short partway is {@link InterruptedWriteContract}.
 */
public abstract class BlobStoreContract {

    /** A fresh, empty store; several calls in one test reach the same bucket. */
    protected abstract BlobStore store();

    @Test
    public void get_ofAbsentKey_isEmpty() {
        assertThat(store().get("nothing/here")).isEmpty();
    }

    @Test
    public void put_thenGet_returnsContentMetadataAndAnEtag() {
        store().put("bag/item", bytes("hello"), Map.of("messer-encryption-context", "a=1"));
        Blob blob = store().get("bag/item").orElseThrow();
        assertThat(blob.content()).isEqualTo(bytes("hello"));
        assertThat(blob.metadata()).containsExactly(Map.entry("messer-encryption-context", "a=1"));
        assertThat(blob.etag()).isNotBlank();
    }

    @Test
    public void put_replacesContentAndMetadata_andChangesTheEtag() {
        store().put("k", bytes("one"), Map.of("m", "1"));
        String first = store().get("k").orElseThrow().etag();
        store().put("k", bytes("two"), Map.of());
        Blob blob = store().get("k").orElseThrow();
        assertThat(blob.content()).isEqualTo(bytes("two"));
        assertThat(blob.metadata()).isEmpty();
        assertThat(blob.etag()).isNotEqualTo(first);
    }

    @Test
    public void emptyContent_isStoredAsAZeroByteObject() {
        store().put("bag/", new byte[0], Map.of());
        assertThat(store().get("bag/").orElseThrow().content()).isEmpty();
    }

    @Test
    public void list_returnsKeysWithThePrefixInAscendingOrder_includingFolderMarkers() {
        for (String key : List.of("b/2", "a/", "a/x", "b/", "b/10", "ab/1", "c")) {
            store().put(key, bytes(key), Map.of());
        }
        assertThat(store().list("")).containsExactly("a/", "a/x", "ab/1", "b/", "b/10", "b/2", "c");
        assertThat(store().list("a/")).containsExactly("a/", "a/x");
        assertThat(store().list("a")).containsExactly("a/", "a/x", "ab/1");
        assertThat(store().list("b/1")).containsExactly("b/10");
        assertThat(store().list("zzz")).isEmpty();
    }

    @Test
    public void forEachKey_handsOutTheKeysInTheListingsOrder_aFolderAfterANameThatSortsBeforeItsSlash_andStopsWhenTold() {
        for (String key : List.of("t/a/", "t/a/x", "t/a-b/y", "t/a.b", "t/a/z/deep", "t/ab", "t/a-", "u/1")) {
            store().put(key, bytes(key), Map.of());
        }
        List<String> all = new ArrayList<>();
        store().forEachKey("t/", all::add);
        List<String> first = new ArrayList<>();
        store().forEachKey("t/", key -> first.add(key) && first.size() < 3);

        assertThat(all).containsExactly("t/a-", "t/a-b/y", "t/a.b", "t/a/", "t/a/x", "t/a/z/deep", "t/ab")
                .isEqualTo(store().list("t/"));
        assertThat(first).containsExactly("t/a-", "t/a-b/y", "t/a.b");
    }

    @Test
    public void list_reachesNestedFolders() {
        store().put("dev/secrets/bag/", new byte[0], Map.of());
        store().put("dev/secrets/bag/item", bytes("x"), Map.of());
        assertThat(store().list("dev/")).containsExactly("dev/secrets/bag/", "dev/secrets/bag/item");
    }

    @Test
    public void delete_removesTheObjectAndItsMetadata() {
        store().put("bag/item", bytes("x"), Map.of("m", "1"));
        store().delete("bag/item");
        assertThat(store().get("bag/item")).isEmpty();
        assertThat(store().list("")).isEmpty();
        store().put("bag/item", bytes("y"), Map.of());
        assertThat(store().get("bag/item").orElseThrow().metadata()).isEmpty();
    }

    @Test
    public void delete_ofAbsentKey_isNotAnError() {
        store().delete("never/was");
        assertThat(store().list("")).isEmpty();
    }

    @Test
    public void delete_ofAMarker_leavesTheFolderItems() {
        store().put("bag/", new byte[0], Map.of());
        store().put("bag/item", bytes("x"), Map.of());
        store().delete("bag/");
        assertThat(store().list("")).containsExactly("bag/item");
    }

    @Test
    public void putIfAbsent_createsAnAbsentObject() {
        store().putIfAbsent("keys/0", bytes("wrapped"), Map.of("m", "v"));
        assertThat(store().get("keys/0").orElseThrow().content()).isEqualTo(bytes("wrapped"));
    }

    @Test
    public void putIfAbsent_onExistingObject_failsAndLeavesItUnchanged() {
        store().put("keys/0", bytes("first"), Map.of("m", "1"));
        assertThatThrownBy(() -> store().putIfAbsent("keys/0", bytes("second"), Map.of()))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("keys/0");
        Blob blob = store().get("keys/0").orElseThrow();
        assertThat(blob.content()).isEqualTo(bytes("first"));
        assertThat(blob.metadata()).containsEntry("m", "1");
    }

    @Test
    public void putIfMatch_withTheCurrentEtag_replaces() {
        store().put("item", bytes("v1"), Map.of());
        String etag = store().get("item").orElseThrow().etag();
        store().putIfMatch("item", bytes("v2"), Map.of(), etag);
        assertThat(store().get("item").orElseThrow().content()).isEqualTo(bytes("v2"));
    }

    @Test
    public void putIfMatch_withAStaleEtag_failsWithConflictAndLeavesTheObject() {
        store().put("item", bytes("v1"), Map.of());
        String stale = store().get("item").orElseThrow().etag();
        store().put("item", bytes("v2"), Map.of());
        assertThatThrownBy(() -> store().putIfMatch("item", bytes("v3"), Map.of(), stale))
                .isInstanceOf(ConflictException.class).hasMessageContaining("item");
        assertThat(store().get("item").orElseThrow().content()).isEqualTo(bytes("v2"));
    }

    @Test
    public void putIfMatch_onAbsentObject_failsWithConflict() {
        assertThatThrownBy(() -> store().putIfMatch("item", bytes("v"), Map.of(), "\"1\""))
                .isInstanceOf(ConflictException.class);
        assertThat(store().get("item")).isEmpty();
    }

    @Test
    public void concurrentPutIfAbsent_fromManyThreads_exactlyOneWins() throws Exception {
        int writers = 8;
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            byte[] content = bytes("writer-" + i);
            tasks.add(() -> {
                try {
                    store().putIfAbsent("keys/app/1", content, Map.of());
                    return true;
                } catch (AlreadyExistsException e) {
                    return false;
                }
            });
        }
        List<Boolean> outcomes = runTogether(tasks);
        assertThat(outcomes).containsOnlyOnce(true);
        int winner = outcomes.indexOf(true);
        assertThat(store().get("keys/app/1").orElseThrow().content()).isEqualTo(bytes("writer-" + winner));
    }

    @Test
    public void concurrentPutIfMatch_onTheSameEtag_exactlyOneWins() throws Exception {
        store().put("item", bytes("start"), Map.of());
        String etag = store().get("item").orElseThrow().etag();
        int writers = 8;
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            byte[] content = bytes("writer-" + i);
            tasks.add(() -> {
                try {
                    store().putIfMatch("item", content, Map.of(), etag);
                    return true;
                } catch (ConflictException e) {
                    return false;
                }
            });
        }
        List<Boolean> outcomes = runTogether(tasks);
        assertThat(outcomes).containsOnlyOnce(true);
        assertThat(store().get("item").orElseThrow().content()).isEqualTo(bytes("writer-" + outcomes.indexOf(true)));
    }

    @Test
    public void readModifyWriteWithPutIfMatch_neverLosesAnUpdate() throws Exception {
        store().put("counter", bytes("0"), Map.of());
        int threads = 4;
        int incrementsEach = 15;
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                for (int done = 0; done < incrementsEach; ) {
                    Blob current = store().get("counter").orElseThrow();
                    int value = Integer.parseInt(new String(current.content(), StandardCharsets.UTF_8));
                    try {
                        store().putIfMatch("counter", bytes(Integer.toString(value + 1)), Map.of(), current.etag());
                        done++;
                    } catch (ConflictException retry) {
                        // another thread won this round: read again
                    }
                }
                return true;
            });
        }
        runTogether(tasks);
        assertThat(new String(store().get("counter").orElseThrow().content(), StandardCharsets.UTF_8))
                .isEqualTo(Integer.toString(threads * incrementsEach));
    }

    @Test
    public void versions_listEveryWriteNewestFirst_andEachVersionReadsBack() {
        store().put("bag/item", bytes("one"), Map.of("m", "1"));
        store().put("bag/item", bytes("two"), Map.of("m", "2"));
        store().put("bag/item", bytes("three"), Map.of());

        VersionListing listing = store().versions("bag/item");

        assertThat(listing.kept()).isTrue();
        assertThat(listing.versions()).hasSize(3).noneMatch(BlobVersion::deleted);
        assertThat(listing.versions()).extracting(BlobVersion::id).doesNotHaveDuplicates();
        List<String> contents = listing.versions().stream()
                .map(v -> new String(store().getVersion("bag/item", v.id()).orElseThrow().content(), StandardCharsets.UTF_8))
                .toList();
        assertThat(contents).containsExactly("three", "two", "one");
        assertThat(store().getVersion("bag/item", listing.versions().get(1).id()).orElseThrow().metadata())
                .containsExactly(Map.entry("m", "2"));
        assertThat(listing.versions().get(0).size()).isEqualTo(5);
    }

    @Test
    public void versions_areNeverListedAsObjects() {
        store().put("bag/item", bytes("one"), Map.of("m", "1"));
        store().put("bag/item", bytes("two"), Map.of());
        store().delete("bag/other");
        assertThat(store().list("")).containsExactly("bag/item");
    }

    @Test
    public void delete_keepsTheHistory_withTheDeletionOnTop() {
        store().put("bag/item", bytes("one"), Map.of());
        store().delete("bag/item");

        List<BlobVersion> versions = store().versions("bag/item").versions();

        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).deleted()).isTrue();
        assertThat(store().getVersion("bag/item", versions.get(0).id())).isEmpty();
        assertThat(store().getVersion("bag/item", versions.get(1).id()).orElseThrow().content()).isEqualTo(bytes("one"));
        assertThat(store().get("bag/item")).isEmpty();
        assertThat(store().list("")).isEmpty();
    }

    @Test
    public void conditionalWrites_recordVersionsToo() {
        store().putIfAbsent("bag/item", bytes("one"), Map.of());
        store().putIfMatch("bag/item", bytes("two"), Map.of(), store().get("bag/item").orElseThrow().etag());
        assertThat(store().versions("bag/item").versions()).hasSize(2);
    }

    @Test
    public void versions_ofANeverWrittenKey_areEmpty_andAnUnknownVersionReadsAsEmpty() {
        store().put("bag/item", bytes("one"), Map.of());
        assertThat(store().versions("bag/other").versions()).isEmpty();
        assertThat(store().versions("bag/ite").versions()).isEmpty();
        assertThat(store().getVersion("bag/item", "no-such-version")).isEmpty();
        assertThat(store().getVersion("bag/other", "1")).isEmpty();
    }

    @Test
    public void purge_removesTheObjectAndItsWholeHistory() {
        store().put("bag/item", bytes("one"), Map.of());
        store().put("bag/item", bytes("two"), Map.of());
        store().put("bag/keep", bytes("k"), Map.of());
        String first = store().versions("bag/item").versions().get(1).id();

        store().purge("bag/item");

        assertThat(store().get("bag/item")).isEmpty();
        assertThat(store().versions("bag/item").versions()).isEmpty();
        assertThat(store().getVersion("bag/item", first)).isEmpty();
        assertThat(store().list("")).containsExactly("bag/keep");
        assertThat(store().versions("bag/keep").versions()).hasSize(1);
    }

    @Test
    public void purge_ofADeletedObject_removesItsHistory_andOfAnAbsentKeyIsNotAnError() {
        store().put("bag/item", bytes("one"), Map.of());
        store().delete("bag/item");
        store().purge("bag/item");
        store().purge("never/was");
        assertThat(store().versions("bag/item").versions()).isEmpty();
    }

    @Test
    public void failedConditionalWrites_leaveNoTraceInHistory_ofALiveOrADeletedObject() {
        store().put("bag/item", bytes("one"), Map.of());
        String stale = store().get("bag/item").orElseThrow().etag();
        store().put("bag/item", bytes("two"), Map.of());
        List<BlobVersion> live = store().versions("bag/item").versions();
        assertThatThrownBy(() -> store().putIfAbsent("bag/item", bytes("never"), Map.of()))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> store().putIfMatch("bag/item", bytes("never"), Map.of(), stale))
                .isInstanceOf(ConflictException.class);
        assertThat(store().versions("bag/item").versions()).isEqualTo(live);
        assertThat(store().get("bag/item").orElseThrow().content()).isEqualTo(bytes("two"));

        String last = store().get("bag/item").orElseThrow().etag();
        store().delete("bag/item");
        List<BlobVersion> deleted = store().versions("bag/item").versions();
        assertThatThrownBy(() -> store().putIfMatch("bag/item", bytes("never"), Map.of(), last))
                .isInstanceOf(ConflictException.class);
        assertThat(store().versions("bag/item").versions()).isEqualTo(deleted);
        assertThat(store().get("bag/item")).isEmpty();
    }

    @Test
    public void keptVersions_listEveryVersionButTheCurrentOne_underThePrefix_deletedKeysIncluded_untilPurged() {
        for (String write : List.of("dev/web/edited=e1", "dev/web/edited=e2", "dev/web/edited=e3", "dev/web/once=o1",
                "dev/web/gone=g1", "dev/web/gone=g2", "dev/web/purged=p1", "dev/web/purged=p2", "prod/web/edited=x1",
                "prod/web/edited=x2")) {
            store().put(write.split("=")[0], bytes(write.split("=")[1]), Map.of());
        }
        store().delete("dev/web/gone");
        store().purge("dev/web/purged");
        store().put("dev/web/", new byte[0], Map.of());

        SortedMap<String, List<BlobVersion>> kept = store().keptVersions("dev/");

        assertThat(kept.keySet()).containsExactly("dev/web/edited", "dev/web/gone");
        kept.forEach((key, versions) -> assertThat(versions).noneMatch(BlobVersion::deleted));
        assertThat(kept.get("dev/web/edited")).extracting(v -> text(store().getVersion("dev/web/edited", v.id())))
                .containsExactlyInAnyOrder("e1", "e2");
        assertThat(kept.get("dev/web/gone")).extracting(v -> text(store().getVersion("dev/web/gone", v.id())))
                .containsExactlyInAnyOrder("g1", "g2");
        assertThat(store().keptVersions("").keySet()).containsExactly("dev/web/edited", "dev/web/gone", "prod/web/edited");
        assertThat(store().keptVersions("nothing/")).isEmpty();
    }

    private static String text(java.util.Optional<Blob> blob) {
        return new String(blob.orElseThrow().content(), StandardCharsets.UTF_8);
    }

    protected static List<Boolean> runTogether(List<Callable<Boolean>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (Callable<Boolean> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
