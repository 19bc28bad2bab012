package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.store.LatestVersion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/** The newest entry per key of a ListObjectVersions page: versions and delete markers merged back by key. */
class S3LatestVersionsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void onlyTheEntriesMarkedLatest_versionsAndDeleteMarkers_inKeyOrder() {
        ListObjectVersionsResponse page = ListObjectVersionsResponse.builder()
                .versions(ObjectVersion.builder().key("t/a").versionId("a2").eTag("\"ea\"").size(10L).isLatest(true)
                                .lastModified(T0).build(),
                        ObjectVersion.builder().key("t/a").versionId("a1").eTag("\"old\"").size(9L).isLatest(false)
                                .lastModified(T0.minusSeconds(5)).build(),
                        ObjectVersion.builder().key("t/b").versionId("b1").eTag("\"eb\"").size(3L).isLatest(false)
                                .lastModified(T0.minusSeconds(9)).build(),
                        ObjectVersion.builder().key("t/c").versionId("null").eTag("\"ec\"").size(4L).isLatest(true)
                                .lastModified(T0).build())
                .deleteMarkers(DeleteMarkerEntry.builder().key("t/b").versionId("b2").isLatest(true)
                        .lastModified(T0.plusSeconds(1)).build())
                .build();
        List<LatestVersion> latest = S3LatestVersions.latest(page);
        assertThat(latest).containsExactly(
                new LatestVersion("t/a", "a2", "\"ea\"", 10, T0, false),
                new LatestVersion("t/b", "b2", "", 0, T0.plusSeconds(1), true),
                new LatestVersion("t/c", "null", "\"ec\"", 4, T0, false));
    }
}
