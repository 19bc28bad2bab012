package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.aws.AwsFixture;
import dev.messer.cli.CliRun;
import dev.messer.aws.MotoTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;

/**
 * Tampering with what the aws provider stored, through the S3 API as someone with write access to
 * the buckets could: the KMS encryption context of a wrapped key, the key objects, and an item. KMS
 * (moto enforces encryption contexts) or the tool refuses, with one line and exit status 1.
 */
@MotoTest
class AwsTamperIT {

    private static final String CONTEXT = "messer-encryption-context";

    @TempDir
    Path dir;

    private AwsFixture aws;
    private Path config;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        config = aws.writeIni(Map.of("encryption_context", "team=payments"));
        ok("encryption", "create", "aws", "app");
        ok("encryption", "increment", "aws", "app");
        ok("data", "bag", "create", "aws", "bag");
        Path item = aws.writeFile("db.json", "{\"id\":\"db\",\"password\":\"s3cret\"}");
        ok("data", "bag", "from", "file", "aws", "bag", item.toString(), "--secret-file", "app");
        assertThat(ok("data", "bag", "show", "aws", "bag", "db", "--decrypt").out()).contains("s3cret");
    }

    private CliRun run(String... args) {
        return aws.runWithConfig(config, args);
    }

    private CliRun ok(String... args) {
        return aws.okWithConfig(config, args);
    }

    private void assertRefused(String names) {
        CliRun result = run("data", "bag", "show", "aws", "bag", "db", "--decrypt");
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().filter(l -> !l.isBlank())).hasSize(1);
        assertThat(result.err()).startsWith("messer: ").contains(names).doesNotContain("s3cret");
        CliRun debug = run("data", "bag", "show", "aws", "bag", "db", "--decrypt", "--debug");
        assertThat(debug.err()).contains("dev.messer.error.IntegrityException").doesNotContain("s3cret");
    }

    private Map<String, String> keyMetadata(String key) {
        HeadObjectResponse head = aws.s3().headObject(r -> r.bucket(aws.keysBucket()).key(key));
        return head.metadata();
    }

    private void replaceKeyMetadata(String key, Map<String, String> metadata) {
        aws.s3().copyObject(r -> r.sourceBucket(aws.keysBucket()).sourceKey(key)
                .destinationBucket(aws.keysBucket()).destinationKey(key)
                .metadataDirective(MetadataDirective.REPLACE).metadata(metadata));
    }

    @Test
    void keyObject_carriesTheContextKmsWrappedItUnder() {
        assertThat(keyMetadata("app/1")).containsEntry(CONTEXT,
                "messer%3Akey_name=app&messer%3Akey_version=1&messer%3Atier=dev&team=payments");
    }

    @Test
    void wrongEncryptionContextOnAKmsWrappedKey_isRefusedByKms() {
        Map<String, String> metadata = new HashMap<>(keyMetadata("app/1"));
        metadata.put(CONTEXT, metadata.get(CONTEXT).replace("team=payments", "team=intruder"));
        replaceKeyMetadata("app/1", metadata);
        assertRefused("encryption key app v1");
    }

    @Test
    void removedEncryptionContext_isRefusedByKms() {
        replaceKeyMetadata("app/1", Map.of());
        assertRefused("encryption key app v1");
    }

    @Test
    void keyObjectCopiedOverAnotherVersion_isRefusedBeforeKms() {
        aws.s3().copyObject(r -> r.sourceBucket(aws.keysBucket()).sourceKey("app/0")
                .destinationBucket(aws.keysBucket()).destinationKey("app/1"));
        assertRefused("app/1");
    }

    @Test
    void corruptedKeyObject_isRefusedByKms() {
        byte[] wrapped = aws.object(aws.keysBucket(), "app/1");
        wrapped[wrapped.length / 2] ^= 0x01;
        Map<String, String> metadata = keyMetadata("app/1");
        aws.s3().putObject(r -> r.bucket(aws.keysBucket()).key("app/1").metadata(metadata), RequestBody.fromBytes(wrapped));
        assertRefused("encryption key app v1");
    }

    @Test
    void itemCopiedToAnotherTier_failsIntegrity() {
        byte[] stored = aws.object(aws.secretsBucket(), "dev/bag/db");
        aws.s3().putObject(r -> r.bucket(aws.secretsBucket()).key("prod/bag/"), RequestBody.empty());
        aws.s3().putObject(r -> r.bucket(aws.secretsBucket()).key("prod/bag/db"), RequestBody.fromBytes(stored));
        config = aws.writeIni("prod.ini", Map.of("encryption_context", "team=payments", "tier", "prod"));
        // the key version carries messer:tier = dev, so the prod profile refuses it before the item's own
        // path binding is even tried (TamperMatrixTest proves that binding on its own)
        assertRefused("belongs to tier 'dev', not to this profile's tier 'prod'");
    }

    @Test
    void flippedCiphertextBitInS3_failsIntegrity() {
        String stored = new String(aws.object(aws.secretsBucket(), "dev/bag/db"), StandardCharsets.UTF_8);
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(stored).getAsJsonObject();
        dev.messer.crypto.Envelope e = dev.messer.crypto.EnvelopeCodec.decode(json.get("encrypted_data").getAsString());
        byte[] ciphertext = e.ciphertext();
        ciphertext[0] ^= 0x01;
        json.addProperty("encrypted_data", dev.messer.crypto.EnvelopeCodec.encode(new dev.messer.crypto.Envelope(
                e.version(), e.nonce(), ciphertext, e.tag(), e.keyName(), e.keyVersion())));
        aws.s3().putObject(r -> r.bucket(aws.secretsBucket()).key("dev/bag/db"),
                RequestBody.fromString(json.toString()));
        assertRefused("item bag/db (dev/bag/db) failed its integrity check");
    }
}
