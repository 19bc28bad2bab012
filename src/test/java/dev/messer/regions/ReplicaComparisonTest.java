package dev.messer.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.UnreachableException;
import dev.messer.regions.ReplicaComparison.Match;
import dev.messer.regions.ReplicaComparison.RegionCopy;
import dev.messer.regions.ReplicaDrift.Kind;
import dev.messer.store.BlobStore;
import dev.messer.store.ForwardingBlobStore;
import dev.messer.store.LatestVersion;
import dev.messer.store.MemoryBlobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a region's listing is judged against the home region's: same, missing, older, deleted at home, only here. */
class ReplicaComparisonTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String PREFIX = "dev/";

    private static LatestVersion live(String key, String versionId, String etag, Instant at) {
        return new LatestVersion(PREFIX + key, versionId, etag, 100, at, false);
    }

    private static LatestVersion marker(String key, String versionId, Instant at) {
        return new LatestVersion(PREFIX + key, versionId, "", 0, at, true);
    }

    private static ReplicaDrift compare(List<LatestVersion> home, List<LatestVersion> there) {
        return ReplicaComparison.compare("eu-west-1", PREFIX, home.iterator(), there.iterator());
    }

    @Test
    void theSameVersionId_isTheSameObject_evenWithAnotherEntityTag_asAReplicaUnderAnotherKmsKeyHasIt() {
        ReplicaDrift drift = compare(List.of(live("a/x", "v1", "\"e1\"", T0)), List.of(live("a/x", "v1", "\"zz\"", T0)));
        assertThat(drift.isEmpty()).isTrue();
        assertThat(drift.objects()).isEqualTo(1);
        assertThat(drift.lag(T0.plusSeconds(600))).isEmpty();
    }

    @Test
    void anotherVersionId_withTheSameEntityTagAndSize_isTheSameObject_butUnversionedIdsNeverMatchAlone() {
        assertThat(compare(List.of(live("a/x", "v1", "\"e1\"", T0)), List.of(live("a/x", "v9", "\"e1\"", T0)))
                .isEmpty()).isTrue();
        ReplicaDrift unversioned = compare(List.of(live("a/x", "null", "\"e2\"", T0)),
                List.of(live("a/x", "null", "\"e1\"", T0)));
        assertThat(unversioned.count(Kind.OLDER)).isEqualTo(1);
        LatestVersion bigger = new LatestVersion(PREFIX + "a/x", "v2", "\"e1\"", 101, T0, false);
        assertThat(ReplicaComparison.same(bigger, live("a/x", "v3", "\"e1\"", T0))).as("size differs").isFalse();
        assertThat(ReplicaComparison.same(live("a/x", "v2", "", T0), live("a/x", "v3", "", T0)))
                .as("no entity tag to compare").isFalse();
    }

    @Test
    void eachKindIsCounted_withTheOldestLag_fromTheHomeRegionsChange() {
        List<LatestVersion> home = List.of(
                live("a/missing", "h1", "\"m\"", T0.plusSeconds(30)),
                live("a/newer", "h2", "\"new\"", T0.plusSeconds(10)),
                marker("a/revoked", "h3", T0),
                marker("a/gone-everywhere", "h4", T0.minusSeconds(99)),
                live("a/same", "h5", "\"s\"", T0.minusSeconds(500)),
                live("a/deleted-there", "h6", "\"d\"", T0.plusSeconds(40)));
        List<LatestVersion> there = List.of(
                live("a/newer", "o2", "\"old\"", T0.minusSeconds(100)),
                live("a/only-here", "o7", "\"x\"", T0.minusSeconds(9999)),
                live("a/revoked", "o3", "\"r\"", T0.minusSeconds(200)),
                live("a/same", "h5", "\"s\"", T0.minusSeconds(500)),
                marker("a/deleted-there", "o6", T0.plusSeconds(50)));
        ReplicaDrift drift = compare(sorted(home), sorted(there));
        assertThat(drift.count(Kind.MISSING)).isEqualTo(2);
        assertThat(drift.named(Kind.MISSING)).containsExactly("a/deleted-there", "a/missing");
        assertThat(drift.count(Kind.OLDER)).isEqualTo(1);
        assertThat(drift.named(Kind.OLDER)).containsExactly("a/newer");
        assertThat(drift.count(Kind.DELETED_AT_HOME)).isEqualTo(1);
        assertThat(drift.named(Kind.DELETED_AT_HOME)).containsExactly("a/revoked");
        assertThat(drift.count(Kind.ONLY_HERE)).isEqualTo(1);
        assertThat(drift.objects()).isEqualTo(7);
        assertThat(drift.oldestChange()).contains(T0);
        assertThat(drift.oldestKey()).contains("a/revoked");
        assertThat(drift.lag(T0.plusSeconds(192))).contains(Duration.ofSeconds(192));
    }

    @Test
    void aRegionWithNothing_missesEverythingLive_andTheNamesStopAtThree() {
        List<LatestVersion> home = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            home.add(live("b/i" + i, "v" + i, "\"e" + i + "\"", T0.plusSeconds(i)));
        }
        ReplicaDrift drift = compare(home, List.of());
        assertThat(drift.count(Kind.MISSING)).isEqualTo(5);
        assertThat(drift.named(Kind.MISSING)).containsExactly("b/i0", "b/i1", "b/i2");
        assertThat(drift.oldestKey()).contains("b/i0");
        assertThat(compare(List.of(), List.of(marker("b/i0", "m", T0))).isEmpty()).as("a delete marker only").isTrue();
    }

    @Test
    void aListingOutOfOrder_isRefused_ratherThanMisjudged() {
        List<LatestVersion> home = List.of(live("b", "1", "\"1\"", T0), live("a", "2", "\"2\"", T0));
        assertThatThrownBy(() -> compare(home, List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("out of key order");
    }

    @Test
    void keyOrder_isS3s_byCodePoint_notJavasUtf16Order() {
        String emoji = "\uD83D\uDE00";
        String high = "\uFFFD";
        assertThat(emoji.compareTo(high)).as("Java's own order").isLessThan(0);
        assertThat(LatestVersion.KEY_ORDER.compare(emoji, high)).isGreaterThan(0);
        assertThat(LatestVersion.KEY_ORDER.compare("a", "ab")).isLessThan(0);
        assertThat(LatestVersion.KEY_ORDER.compare("ab", "ab")).isZero();
    }

    @Test
    void lagWords() {
        assertThat(ReplicaDrift.words(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(ReplicaDrift.words(Duration.ofSeconds(192))).isEqualTo("3m 12s");
        assertThat(ReplicaDrift.words(Duration.ofMinutes(125))).isEqualTo("2h 5m");
        assertThat(ReplicaDrift.words(Duration.ofHours(76))).isEqualTo("3d 4h");
    }

    @Test
    void copies_ofOneItem_perRegion_homeFirst_andAnUnreachableRegionDoesNotStopTheOthers() {
        MemoryBlobStore home = new MemoryBlobStore();
        MemoryBlobStore same = new MemoryBlobStore();
        MemoryBlobStore lagging = new MemoryBlobStore();
        home.put("dev/a/x", new byte[] {1}, Map.of());
        home.put("dev/a/x2", new byte[] {9}, Map.of());
        same.put("dev/a/x", new byte[] {1}, Map.of());
        lagging.put("dev/a/x2", new byte[] {9}, Map.of());
        BlobStore down = new ForwardingBlobStore(new MemoryBlobStore()) {
            @Override
            public Iterator<LatestVersion> latestVersions(String prefix) {
                throw new UnreachableException("S3", "cannot reach S3; check the network", null);
            }
        };
        Map<String, BlobStore> byRegion = new LinkedHashMap<>();
        byRegion.put("us-east-1", home);
        byRegion.put("eu-west-1", same);
        byRegion.put("ap-south-1", lagging);
        byRegion.put("sa-east-1", down);
        List<RegionCopy> copies = ReplicaComparison.copies("dev/a/x", byRegion);
        assertThat(copies).extracting(RegionCopy::region).containsExactly("us-east-1", "eu-west-1", "ap-south-1",
                "sa-east-1");
        assertThat(copies).extracting(RegionCopy::match).containsExactly(Match.HOME, Match.SAME, Match.DIFFERS,
                Match.UNKNOWN);
        assertThat(copies.get(0).latest()).map(LatestVersion::key).contains("dev/a/x");
        assertThat(copies.get(2).latest()).as("dev/a/x2 is another item").isEmpty();
        assertThat(copies.get(2).drift()).contains(Kind.MISSING);
        assertThat(copies.get(3).failure()).contains("cannot reach S3; check the network");

        home.delete("dev/a/x");
        List<RegionCopy> afterDelete = ReplicaComparison.copies("dev/a/x", byRegion);
        assertThat(afterDelete.get(0).latest()).as("the local default lists live keys only").isEmpty();
        assertThat(afterDelete.get(1).drift()).contains(Kind.ONLY_HERE);
        assertThat(afterDelete.get(2).match()).isEqualTo(Match.SAME);
    }

    @Test
    void theDefaultListing_ofAStore_givesTheNewestVersionOfEachLiveKey_inKeyOrder() {
        MemoryBlobStore store = new MemoryBlobStore();
        store.put("dev/b", new byte[] {1}, Map.of());
        store.put("dev/a", new byte[] {1}, Map.of());
        store.put("dev/a", new byte[] {2, 3}, Map.of());
        store.put("other", new byte[] {1}, Map.of());
        List<LatestVersion> listed = new ArrayList<>();
        store.latestVersions("dev/").forEachRemaining(listed::add);
        assertThat(listed).extracting(LatestVersion::key).containsExactly("dev/a", "dev/b");
        assertThat(listed.get(0).size()).isEqualTo(2);
        assertThat(listed.get(0).versionId()).isEqualTo(store.versions("dev/a").versions().get(0).id());
        assertThat(Optional.of(listed.get(0).etag())).contains("");
    }

    private static List<LatestVersion> sorted(List<LatestVersion> entries) {
        return entries.stream().sorted((a, b) -> LatestVersion.KEY_ORDER.compare(a.key(), b.key())).toList();
    }
}
