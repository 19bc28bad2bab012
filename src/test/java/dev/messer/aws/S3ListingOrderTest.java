package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.config.AwsSettings;
import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import dev.messer.store.BlobVersion;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The order of an S3 history when versions and delete markers share a second: S3 lists them in one
 * sequence, newest first; the SDK splits them into two lists. A loopback endpoint answers
 * ListObjectVersions with a crafted interleaved listing, and the store must give S3's order back.
 */
class S3ListingOrderTest {

    private static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "secret", "AWS_EC2_METADATA_DISABLED", "true");
    private static final String SECOND = "2026-03-01T10:00:07.000Z";

    private static String version(String key, String id, boolean latest, String time) {
        return "<Version><Key>" + key + "</Key><VersionId>" + id + "</VersionId><IsLatest>" + latest + "</IsLatest>"
                + "<LastModified>" + time + "</LastModified><ETag>\"e-" + id + "\"</ETag><Size>12</Size>"
                + "<StorageClass>STANDARD</StorageClass></Version>";
    }

    private static String marker(String key, String id, boolean latest, String time) {
        return "<DeleteMarker><Key>" + key + "</Key><VersionId>" + id + "</VersionId><IsLatest>" + latest
                + "</IsLatest><LastModified>" + time + "</LastModified></DeleteMarker>";
    }

    /** Newest first: a write, a deletion, a write, a deletion in one second, then an older write; and another key. */
    private static String listing() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ListVersionsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>b</Name>"
                + "<Prefix>dev/bag/db</Prefix><KeyMarker></KeyMarker><VersionIdMarker></VersionIdMarker>"
                + "<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
                + version("dev/bag/db", "w4", true, SECOND)
                + marker("dev/bag/db", "d3", false, SECOND)
                + version("dev/bag/db", "w2", false, SECOND)
                + marker("dev/bag/db", "d1", false, SECOND)
                + version("dev/bag/db", "w0", false, "2026-03-01T10:00:06.000Z")
                + marker("dev/bag/db2", "x1", true, SECOND)
                + version("dev/bag/db2", "x0", false, SECOND)
                + "</ListVersionsResult>";
    }

    private static AwsSettings settings(FaultyAwsEndpoint endpoint) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.REGION, "us-east-1");
        values.put(Setting.S3_ENDPOINT_URL, endpoint.endpoint().toString());
        values.put(Setting.PATH_STYLE, "true");
        return Settings.of(Provider.AWS, values).aws();
    }

    @Test
    void versionsAndDeleteMarkersOfOneSecond_keepTheOrderS3ListedThemIn() {
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Answer(listing());
             AwsClientFactory clients = new AwsClientFactory(settings(s3), new AwsEnvironment(ENV), serial -> "0")) {
            S3BlobStore store = new S3BlobStore(clients::s3, "b", "secrets_bucket", Optional.empty());

            List<BlobVersion> versions = store.versions("dev/bag/db").versions();

            assertThat(versions).extracting(BlobVersion::id).containsExactly("w4", "d3", "w2", "d1", "w0");
            assertThat(versions).extracting(BlobVersion::deleted).containsExactly(false, true, false, true, false);
            assertThat(store.versions("dev/bag/db2").versions()).extracting(BlobVersion::id)
                    .containsExactly("x1", "x0");
        }
    }

    @Test
    void order_countsOnlyTheEntriesOfTheResult_notTheirVersionIdFields() {
        assertThat(S3ListingOrder.order(listing().getBytes(StandardCharsets.UTF_8))).contains("VDVDVDV");
        assertThat(S3ListingOrder.order("<ListVersionsResult/>".getBytes(StandardCharsets.UTF_8))).contains("");
    }

    @Test
    void order_ofAnythingElse_isUnknown() {
        assertThat(S3ListingOrder.order("<Error><Code>x</Code></Error>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(S3ListingOrder.order("not xml".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
