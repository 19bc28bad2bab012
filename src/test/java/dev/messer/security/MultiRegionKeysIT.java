package dev.messer.security;

import static dev.messer.security.TwoRegions.HOME;
import static dev.messer.security.TwoRegions.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.aws.MotoTest;
import dev.messer.cli.CliRun;
import dev.messer.crypto.EncryptionContext;
import dev.messer.keys.KeyRing;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Data keys of a tier in two regions, each region behind its own relay: every version is written to
 * both keys buckets, each wrapped by its own region's KMS key; a region that cannot be written is
 * reported as behind (exit status 3) and {@code encryption sync} repairs it.
 */
@MotoTest
class MultiRegionKeysIT {

    @TempDir
    Path dir;

    private TwoRegions world;
    private Path config;

    @BeforeEach
    void setUp() {
        world = new TwoRegions(dir);
        config = world.writeIni("");
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    private CliRun ok(String... args) {
        CliRun result = world.run(config, args);
        assertThat(result.exit()).as(result.toString()).isZero();
        return result;
    }

    /** Decrypts a stored version with the KMS of {@code kmsRegion}, with the context kept beside it. */
    private byte[] unwrap(String bucketRegion, String kmsRegion, String objectKey) {
        ResponseBytes<GetObjectResponse> stored = world.aws.s3().getObjectAsBytes(r -> r
                .bucket(world.keysBucket(bucketRegion)).key(objectKey));
        String metadata = stored.response().metadata().get(KeyRing.CONTEXT_METADATA);
        Map<String, String> context = EncryptionContext.fromMetadataValue(metadata).asMap();
        DecryptResponse answer = world.kms(kmsRegion).decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(
                stored.asByteArray())).encryptionContext(context));
        assertThat(answer.keyId()).contains(world.kmsKeyIds.get(kmsRegion));
        return answer.plaintext().asByteArray();
    }

    @Test
    void createAndIncrement_leaveEachVersionInEveryRegion_unwrappableByThatRegionsKeyAlone() {
        CliRun created = ok("encryption", "create", "aws", "app");
        assertThat(created.err()).contains("then in its other regions (" + OTHER + ")");
        ok("encryption", "increment", "aws", "app");
        for (String version : new String[] {"app/0", "app/1"}) {
            byte[] home = unwrap(HOME, HOME, version);
            byte[] other = unwrap(OTHER, OTHER, version);
            assertThat(other).as("the same data key in both regions").isEqualTo(home);
            assertThatThrownBy(() -> unwrap(OTHER, HOME, version)).as("wrapped by the other region's key")
                    .isInstanceOf(RuntimeException.class);
        }
        assertThat(ok("encryption", "list", "aws", "app").out().lines()).containsExactly("0", "1");
    }

    @Test
    void aRegionThatCannotBeWritten_isReportedBehind_andSyncRepairsIt_once() {
        ok("encryption", "create", "aws", "app");
        world.down.get(OTHER).set(true);
        CliRun increment = world.run(config, "encryption", "increment", "aws", "app");
        assertThat(increment.exit()).as(increment.toString()).isEqualTo(3);
        assertThat(increment.err()).contains("messer: region " + OTHER + " is behind: ")
                .contains("'messer encryption sync aws");
        assertThat(world.aws.s3().listObjectsV2(r -> r.bucket(world.keysBucket(OTHER))).contents())
                .extracting(o -> o.key()).doesNotContain("app/1");

        world.down.get(OTHER).set(false);
        CliRun sync = ok("encryption", "sync", "aws");
        assertThat(sync.out()).isEqualTo(OTHER + " app v1: missing, copied\n");
        assertThat(unwrap(OTHER, OTHER, "app/1")).isEqualTo(unwrap(HOME, HOME, "app/1"));

        CliRun again = ok("encryption", "sync", "aws");
        assertThat(again.out()).as("nothing left to do").isEmpty();
    }

    @Test
    void deletions_leaveATombstoneInEveryRegion_andSyncCarriesThoseThatWereMissed() {
        ok("encryption", "create", "aws", "app");
        ok("encryption", "increment", "aws", "app");
        world.down.get(OTHER).set(true);
        CliRun deleted = world.run(config, "encryption", "delete", "aws", "app", "0", "--no-prompt", "--force");
        assertThat(deleted.exit()).as(deleted.toString()).isEqualTo(3);
        world.down.get(OTHER).set(false);
        assertThat(ok("encryption", "sync", "aws").out()).isEqualTo(OTHER
                + " app v0: deleted in the home region, deleted\n");
        assertThat(world.aws.s3().listObjectsV2(r -> r.bucket(world.keysBucket(OTHER))).contents())
                .extracting(o -> o.key()).contains("!deleted/app/0", "app/1").doesNotContain("app/0");
    }

    @Test
    void aVersionThatDiffers_isReported_andNeverOverwritten() {
        ok("encryption", "create", "aws", "app");
        byte[] before = world.aws.object(world.keysBucket(OTHER), "app/0");
        world.aws.s3().deleteObject(r -> r.bucket(world.keysBucket(OTHER)).key("app/0"));
        byte[] foreign = world.kms(OTHER).generateDataKeyWithoutPlaintext(r -> r.keyId("alias/" + world.masterKey())
                .numberOfBytes(32).encryptionContext(EncryptionContext.fromMetadataValue(world.aws.s3()
                        .headObject(h -> h.bucket(world.keysBucket(HOME)).key("app/0")).metadata()
                        .get(KeyRing.CONTEXT_METADATA)).asMap())).ciphertextBlob().asByteArray();
        world.aws.s3().putObject(r -> r.bucket(world.keysBucket(OTHER)).key("app/0").metadata(Map.of(
                KeyRing.CONTEXT_METADATA, world.aws.s3().headObject(h -> h.bucket(world.keysBucket(HOME))
                        .key("app/0")).metadata().get(KeyRing.CONTEXT_METADATA))),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(foreign));
        CliRun sync = world.run(config, "encryption", "sync", "aws");
        assertThat(sync.exit()).as(sync.toString()).isEqualTo(3);
        assertThat(sync.out()).contains(OTHER + " app v0: holds another key under this number, left as it is");
        assertThat(sync.errLines()).as("a version that differs is not repaired by running sync again")
                .anySatisfy(line -> assertThat(line).startsWith("messer: region " + OTHER + " holds other data keys")
                        .contains("'messer bulk sync aws --from " + HOME + " --dry-run")
                        .doesNotContain("encryption sync"));
        assertThat(world.aws.object(world.keysBucket(OTHER), "app/0")).isEqualTo(foreign).isNotEqualTo(before);
    }
}
