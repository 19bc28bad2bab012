package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.config.Setting;
import dev.messer.error.NotFoundException;
import dev.messer.error.UnavailableException;
import dev.messer.store.BlobStore;
import dev.messer.store.BlobStoreContract;
import dev.messer.store.BlobVersion;
import dev.messer.store.VersionListing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * {@link S3BlobStore} against moto's S3: the whole {@link BlobStoreContract}, and what only S3 has:
 * paging, SSE-KMS, and its failures.
 */
@MotoTest
class S3BlobStoreIT extends BlobStoreContract {

    @TempDir
    Path dir;
    private AwsFixture aws;
    private AwsClientFactory clients;
    private S3BlobStore store;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        aws.s3().putBucketVersioning(r -> r.bucket(aws.secretsBucket()).versioningConfiguration(c -> c.status("Enabled")));
        clients = new AwsClientFactory(aws.settings().aws(), new AwsEnvironment(aws.env()), serial -> "000000");
        store = new S3BlobStore(clients::s3, aws.secretsBucket(), "secrets_bucket", Optional.empty());
    }

    /** The contract runs on a versioned bucket, as 'messer setup aws' leaves it; this is the other kind. */
    @Test
    void unversionedBucket_hasOneVersionNamedNull_andSaysItKeepsNone() {
        String bucket = aws.createBucket("plain-" + aws.secretsBucket());
        S3BlobStore plain = new S3BlobStore(clients::s3, bucket, "secrets_bucket", Optional.empty());
        plain.put("dev/bag/item", bytes("one"), Map.of());
        plain.put("dev/bag/item", bytes("two"), Map.of());

        VersionListing listing = plain.versions("dev/bag/item");

        assertThat(listing.kept()).isFalse();
        assertThat(listing.versions()).extracting(BlobVersion::id).containsExactly("null");
        assertThat(plain.getVersion("dev/bag/item", "null").orElseThrow().content()).isEqualTo(bytes("two"));
        plain.purge("dev/bag/item");
        assertThat(plain.get("dev/bag/item")).isEmpty();
        assertThat(plain.versions("dev/bag/item").versions()).isEmpty();
    }

    @Test
    void versionedBucket_keepsEachVersionsUserMetadata_andADeleteMarkerReadsAsEmpty() {
        store.put("dev/bag/item", bytes("one"), Map.of("messer-writer", "arn:aws:iam::123456789012:user/ann"));
        store.delete("dev/bag/item");
        List<BlobVersion> versions = store.versions("dev/bag/item").versions();
        assertThat(versions).extracting(BlobVersion::deleted).containsExactly(true, false);
        assertThat(store.getVersion("dev/bag/item", versions.get(1).id()).orElseThrow().metadata())
                .containsEntry("messer-writer", "arn:aws:iam::123456789012:user/ann");
        assertThat(store.getVersion("dev/bag/item", versions.get(0).id())).isEmpty();
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @AfterEach
    void tearDown() {
        clients.close();
    }









    @Test
    void list_returnsEveryKeyPastOnePage() {
        int count = 1_050;
        IntStream.range(0, count).parallel().forEach(i -> aws.s3().putObject(
                r -> r.bucket(aws.secretsBucket()).key(String.format("dev/big/item-%04d", i)),
                RequestBody.fromBytes(new byte[0])));
        aws.s3().putObject(r -> r.bucket(aws.secretsBucket()).key("dev/other"), RequestBody.fromBytes(new byte[0]));

        List<String> keys = store.list("dev/big/");

        assertThat(keys).hasSize(count).isSorted().startsWith("dev/big/item-0000").endsWith("dev/big/item-1049");
    }


    @Test
    void everyPut_withSseKmsKey_asksForServerSideEncryption() {
        S3BlobStore encrypted = new S3BlobStore(clients::s3, aws.secretsBucket(), "secrets_bucket",
                Optional.of("alias/" + aws.masterKey()));

        encrypted.put("a", bytes("1"), Map.of());
        encrypted.putIfAbsent("b", bytes("2"), Map.of());
        encrypted.putIfMatch("a", bytes("3"), Map.of(), encrypted.get("a").orElseThrow().etag());

        for (String key : List.of("a", "b")) {
            HeadObjectResponse head = aws.s3().headObject(r -> r.bucket(aws.secretsBucket()).key(key));
            assertThat(head.serverSideEncryption()).as(key).isEqualTo(ServerSideEncryption.AWS_KMS);
            assertThat(head.ssekmsKeyId()).as(key).isEqualTo("alias/" + aws.masterKey());
        }
    }

    @Test
    void withoutSseKmsKey_putsAskForNoKmsEncryption() {
        store.put("plain", bytes("1"), Map.of());

        HeadObjectResponse head = aws.s3().headObject(r -> r.bucket(aws.secretsBucket()).key("plain"));
        assertThat(head.ssekmsKeyId()).isNull();
        assertThat(head.serverSideEncryption()).isNotEqualTo(ServerSideEncryption.AWS_KMS);
    }

    @Test
    void missingBucket_isNotFound_namingTheBucketAndTheFix() {
        S3BlobStore missing = new S3BlobStore(clients::s3, "no-such-bucket-" + aws.masterKey(), "keys_bucket",
                Optional.empty());

        for (Runnable call : List.<Runnable>of(() -> missing.get("k"), () -> missing.list(""),
                () -> missing.put("k", bytes("x"), Map.of()), () -> missing.putIfAbsent("k", bytes("x"), Map.of()))) {
            assertThatThrownBy(call::run)
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("bucket no-such-bucket-" + aws.masterKey() + " (keys_bucket) does not exist; "
                            + "create it (see docs/aws.md) or correct keys_bucket and region");
        }
    }

    @Test
    void unreachableEndpoint_isUnavailable() {
        AwsClientFactory nowhere = new AwsClientFactory(aws.settings(Map.of(Setting.ENDPOINT_URL,
                "http://127.0.0.1:" + MotoServer.closedPort())).aws(), new AwsEnvironment(aws.env()), serial -> "0");
        try (nowhere) {
            S3BlobStore unreachable = new S3BlobStore(nowhere::s3, aws.secretsBucket(), "secrets_bucket",
                    Optional.empty());

            assertThatThrownBy(() -> unreachable.get("k"))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageStartingWith("cannot reach S3 at http://127.0.0.1:")
                    .hasMessageContaining(" for s3:GetObject on s3://" + aws.secretsBucket() + "/k (")
                    .hasMessageEndingWith("; check region, endpoint_url and the network")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void objectAboveTheCap_isRefusedFromItsContentLength() {
        store.put("dev/bag/big", new byte[BlobStore.MAX_OBJECT_BYTES + 1], Map.of());
        store.put("dev/bag/full", new byte[BlobStore.MAX_OBJECT_BYTES], Map.of());

        assertThatThrownBy(() -> store.get("dev/bag/big"))
                .isInstanceOf(dev.messer.error.IntegrityException.class)
                .hasMessageContaining((BlobStore.MAX_OBJECT_BYTES + 1) + " bytes").hasMessageContaining("4 MiB cap");
        assertThat(store.get("dev/bag/full").orElseThrow().content()).hasSize(BlobStore.MAX_OBJECT_BYTES);
    }
}
