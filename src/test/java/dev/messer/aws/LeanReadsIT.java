package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.IntegrityException;
import dev.messer.error.NotFoundException;
import dev.messer.store.Blob;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The lean read path ({@link LeanReads}) against moto: objects, versions, delete markers and
 * wrapped keys read through signed requests give what the SDK's full clients give, and the lean
 * factory builds neither an S3 nor a KMS client.
 */
@MotoTest
class LeanReadsIT {

    private static final EncryptionContext CONTEXT = EncryptionContext.of(Map.of(
            "messer:key_name", "app", "messer:key_version", "0", "team", "payments"));

    @TempDir
    Path dir;
    private AwsFixture aws;
    private AwsClientFactory lean;
    private AwsClientFactory full;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        aws.s3().putBucketVersioning(r -> r.bucket(aws.secretsBucket()).versioningConfiguration(c -> c.status("Enabled")));
        lean = factory(LeanReads.Use.ALWAYS);
        full = factory(LeanReads.Use.NEVER);
    }

    @AfterEach
    void tearDown() {
        lean.close();
        full.close();
        assertThat(lean.createdClients()).as("clients the lean path built").isEmpty();
    }

    private AwsClientFactory factory(LeanReads.Use use) {
        AwsClientFactory clients = new AwsClientFactory(aws.settings().aws(), new AwsEnvironment(aws.env()),
                serial -> "000000");
        clients.leanReads(use);
        return clients;
    }

    private S3BlobStore store(AwsClientFactory clients, String bucket) {
        return new S3BlobStore(clients, bucket, "secrets_bucket", Optional.empty());
    }

    private String put(String key, byte[] content) {
        return aws.s3().putObject(r -> r.bucket(aws.secretsBucket()).key(key).metadata(Map.of("messer-key", "app")),
                RequestBody.fromBytes(content)).versionId();
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void assertSame(Optional<Blob> lean, Optional<Blob> full) {
        assertThat(lean.isPresent()).isEqualTo(full.isPresent());
        lean.ifPresent(l -> {
            assertThat(l.content()).isEqualTo(full.get().content());
            assertThat(l.etag()).isEqualTo(full.get().etag());
            assertThat(l.metadata()).isEqualTo(full.get().metadata());
        });
    }

    @Test
    void anObjectWithAKeyToEncode_readsTheSameBytesEtagAndMetadata() {
        String key = "bags/app/a b+c=d&e~f,g(h)ü%20.json";
        byte[] content = random(70_000);
        put(key, content);

        Optional<Blob> read = store(lean, aws.secretsBucket()).get(key);

        assertThat(read).isPresent();
        assertThat(read.get().content()).isEqualTo(content);
        assertThat(read.get().metadata()).containsEntry("messer-key", "app");
        assertSame(read, store(full, aws.secretsBucket()).get(key));
    }

    @Test
    void anEarlierVersion_andADeleteMarker_readAlike() {
        byte[] first = random(100);
        String firstVersion = put("bags/app/db.json", first);
        put("bags/app/db.json", random(100));
        aws.s3().deleteObject(r -> r.bucket(aws.secretsBucket()).key("bags/app/db.json"));
        String marker = aws.s3().listObjectVersions(r -> r.bucket(aws.secretsBucket())).deleteMarkers().get(0)
                .versionId();

        assertThat(store(lean, aws.secretsBucket()).getVersion("bags/app/db.json", firstVersion).orElseThrow()
                .content()).isEqualTo(first);
        assertSame(store(lean, aws.secretsBucket()).getVersion("bags/app/db.json", firstVersion),
                store(full, aws.secretsBucket()).getVersion("bags/app/db.json", firstVersion));
        assertThat(store(lean, aws.secretsBucket()).get("bags/app/db.json")).isEmpty();
        assertThat(store(full, aws.secretsBucket()).get("bags/app/db.json")).isEmpty();
        assertThat(store(lean, aws.secretsBucket()).getVersion("bags/app/db.json", marker)).isEmpty();
        assertThat(store(full, aws.secretsBucket()).getVersion("bags/app/db.json", marker)).isEmpty();
    }

    @Test
    void aMissingObjectAndBucket_readAlike() {
        assertThat(store(lean, aws.secretsBucket()).get("bags/none/x.json")).isEmpty();
        assertThat(store(full, aws.secretsBucket()).get("bags/none/x.json")).isEmpty();

        Throwable leanFailure = catchThrowable(() -> store(lean, "no-such-" + aws.secretsBucket()).get("k"));
        Throwable fullFailure = catchThrowable(() -> store(full, "no-such-" + aws.secretsBucket()).get("k"));
        assertThat(leanFailure).isInstanceOf(NotFoundException.class).hasMessageContaining("does not exist");
        assertThat(leanFailure).hasMessage(fullFailure.getMessage());
    }

    @Test
    void aWrappedKey_unwrapsToTheSameKey_andAWrongContextFailsAlike() {
        byte[] wrapped = new KmsMasterKey(full::kms, aws.masterKey(), MotoServer.REGION).generateWrappedDataKey(CONTEXT);
        KmsMasterKey leanKey = new KmsMasterKey(lean, aws.masterKey(), MotoServer.REGION);
        KmsMasterKey fullKey = new KmsMasterKey(full, aws.masterKey(), MotoServer.REGION);

        try (DataKey viaLean = leanKey.unwrap(wrapped, CONTEXT); DataKey viaFull = fullKey.unwrap(wrapped, CONTEXT)) {
            assertThat(viaLean.sameAs(viaFull)).isTrue();
        }
        EncryptionContext other = EncryptionContext.of(Map.of("messer:key_name", "app"));
        Throwable leanFailure = catchThrowable(() -> leanKey.unwrap(wrapped, other));
        Throwable fullFailure = catchThrowable(() -> fullKey.unwrap(wrapped, other));
        assertThat(leanFailure).isInstanceOf(IntegrityException.class).hasMessage(fullFailure.getMessage());
    }

    @Test
    void aMissingKmsAlias_failsAlike() {
        byte[] wrapped = new KmsMasterKey(full::kms, aws.masterKey(), MotoServer.REGION).generateWrappedDataKey(CONTEXT);

        Throwable leanFailure = catchThrowable(() -> new KmsMasterKey(lean, "none-" + aws.masterKey(),
                MotoServer.REGION).unwrap(wrapped, CONTEXT));
        Throwable fullFailure = catchThrowable(() -> new KmsMasterKey(full, "none-" + aws.masterKey(),
                MotoServer.REGION).unwrap(wrapped, CONTEXT));

        assertThat(leanFailure).isNotNull().hasMessage(fullFailure.getMessage());
        assertThat(leanFailure.getClass()).isEqualTo(fullFailure.getClass());
    }
}
