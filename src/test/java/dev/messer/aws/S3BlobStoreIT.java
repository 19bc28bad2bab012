package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.config.SettingKey;
import dev.messer.error.NotFoundException;
import dev.messer.error.UnavailableException;
import dev.messer.store.BlobStore;
import dev.messer.store.BlobStoreContract;
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
        clients = new AwsClientFactory(aws.settings(), new AwsEnvironment(aws.env()), serial -> "000000");
        store = new S3BlobStore(clients::s3, aws.secretsBucket(), "secrets_bucket", Optional.empty());
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
        AwsClientFactory nowhere = new AwsClientFactory(aws.settings(Map.of(SettingKey.ENDPOINT_URL,
                "http://127.0.0.1:" + MotoServer.closedPort())), new AwsEnvironment(aws.env()), serial -> "0");
        try (nowhere) {
            S3BlobStore unreachable = new S3BlobStore(nowhere::s3, aws.secretsBucket(), "secrets_bucket",
                    Optional.empty());

            assertThatThrownBy(() -> unreachable.get("k"))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageStartingWith("cannot reach S3 for s3:GetObject on s3://" + aws.secretsBucket() + "/k (")
                    .hasMessageEndingWith("; check region, endpoint_url and the network")
                    .hasMessageNotContaining("\n");
        }
    }
}
