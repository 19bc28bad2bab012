package dev.messer.aws;

import static dev.messer.aws.AwsCommandsIT.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.aws.KmsMasterKey;
import dev.messer.cli.CliRun;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.IntegrityException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.KeyRing;
import dev.messer.masterkey.MasterKey;
import dev.messer.masterkey.MasterKeyContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;

/** {@link KmsMasterKey} against moto's KMS: the {@link MasterKeyContract}, and the key ring's encryption context. */
@MotoTest
class KmsMasterKeyIT extends MasterKeyContract {

    /** The context the CLI gives version 0 of key "app" with encryption_context = team=payments. */
    private static final EncryptionContext APP_V0 = EncryptionContext.of(Map.of(
            "messer:key_name", "app", "messer:key_version", "0", "team", "payments"));

    @TempDir
    Path dir;
    private AwsFixture aws;
    private AwsClientFactory clients;
    private KmsMasterKey masterKey;
    private KmsMasterKey other;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        clients = new AwsClientFactory(aws.settings().aws(), new AwsEnvironment(aws.env()), serial -> "000000");
        masterKey = new KmsMasterKey(clients::kms, aws.masterKey(), MotoServer.REGION);
    }

    @AfterEach
    void tearDown() {
        clients.close();
    }

    @Override
    protected MasterKey masterKey() {
        return masterKey;
    }

    @Override
    protected MasterKey anotherMasterKey() {
        if (other == null) {
            String alias = "other-" + aws.masterKey();
            aws.createKey(alias);
            other = new KmsMasterKey(clients::kms, alias, MotoServer.REGION);
        }
        return other;
    }

    @Test
    void wrappedKey_isTheRawKmsCiphertextBlob() {
        byte[] wrapped = masterKey.generateWrappedDataKey(EncryptionContext.empty());

        byte[] plaintext = aws.kms().decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(wrapped))).plaintext()
                .asByteArray();

        assertThat(plaintext).hasSize(32);
    }

    @Test
    void unwrap_withAnotherContext_failsIntegrity() {
        byte[] wrapped = masterKey.generateWrappedDataKey(APP_V0);

        assertThatThrownBy(() -> masterKey.unwrap(wrapped, APP_V0.with("team", "billing")))
                .isInstanceOf(IntegrityException.class)
                .hasMessage("cannot unwrap the data key with KMS key alias/" + aws.masterKey()
                        + " (us-east-1): the encryption context does not match or the key object is corrupted");
    }

    @Test
    void unwrap_ofAnotherKmsKeysCiphertext_isRefusedNamingBothCauses() {
        String other = "other-" + aws.masterKey();
        aws.createKey(other);
        byte[] foreign = new KmsMasterKey(clients::kms, other, MotoServer.REGION)
                .generateWrappedDataKey(EncryptionContext.empty());

        assertThatThrownBy(() -> masterKey.unwrap(foreign, EncryptionContext.empty()))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("kms:Decrypt on KMS key alias/" + aws.masterKey())
                .hasMessageContaining("wrapped by this master key");
    }

    @Test
    void missingAlias_isNotFound_forGenerateAndUnwrap() {
        byte[] wrapped = masterKey.generateWrappedDataKey(EncryptionContext.empty());
        KmsMasterKey missing = new KmsMasterKey(clients::kms, "no-such-alias", MotoServer.REGION);
        String message = "KMS key alias/no-such-alias (us-east-1) does not exist; create the key and alias "
                + "(see docs/aws.md) or correct master_key and region";

        assertThatThrownBy(() -> missing.generateWrappedDataKey(APP_V0))
                .isInstanceOf(NotFoundException.class).hasMessage(message);
        assertThatThrownBy(() -> missing.unwrap(wrapped, EncryptionContext.empty()))
                .isInstanceOf(NotFoundException.class).hasMessage(message);
    }

    @Test
    void encryptionCreate_storesTheContextAsKeyObjectMetadata() {
        String config = aws.writeIni(Map.of("encryption_context", "team=payments,app=checkout")).toString();

        ok(aws.run("encryption", "create", "aws", "app", "-c", config));

        HeadObjectResponse head = aws.s3().headObject(r -> r.bucket(aws.keysBucket()).key("app/0"));
        EncryptionContext stored = EncryptionContext.fromMetadataValue(head.metadata().get(KeyRing.CONTEXT_METADATA));
        assertThat(stored.asMap()).containsExactlyInAnyOrderEntriesOf(Map.of("app", "checkout", "team", "payments",
                "messer:key_name", "app", "messer:key_version", "0", "messer:tier", AwsFixture.TIER));
        byte[] wrapped = aws.object(aws.keysBucket(), "app/0");
        assertThat(aws.kms().decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                .encryptionContext(stored.asMap())).plaintext().asByteArray()).hasSize(32);
    }

    @Test
    void itemsUnderAVersionWithoutTheTier_stillDecrypt_afterANewVersionCarriesIt() {
        String config = aws.writeIni().toString();
        EncryptionContext before = EncryptionContext.of(Map.of("messer:key_name", "app", "messer:key_version", "0"));
        byte[] wrapped = masterKey.generateWrappedDataKey(before);
        aws.s3().putObject(r -> r.bucket(aws.keysBucket()).key("app/"), RequestBody.empty());
        aws.s3().putObject(r -> r.bucket(aws.keysBucket()).key("app/0").metadata(Map.of(KeyRing.CONTEXT_METADATA,
                before.toMetadataValue())), RequestBody.fromBytes(wrapped));
        ok(aws.run("data", "bag", "create", "aws", "payments", "-c", config));
        Path item = aws.writeFile("db.json", "{\"id\": \"db\", \"password\": \"s3cret\"}");
        ok(aws.run("data", "bag", "from", "file", "aws", "payments", item.toString(), "--secret-file", "app",
                "-c", config));

        ok(aws.run("encryption", "increment", "aws", "app", "-c", config));

        HeadObjectResponse v1 = aws.s3().headObject(r -> r.bucket(aws.keysBucket()).key("app/1"));
        assertThat(EncryptionContext.fromMetadataValue(v1.metadata().get(KeyRing.CONTEXT_METADATA)).asMap())
                .containsEntry("messer:tier", AwsFixture.TIER);
        CliRun show = aws.run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config);
        assertThat(ok(show).out()).contains("\"password\":\"s3cret\"");
    }

    @Test
    void encryptionContextRoundTrip_throughTheCli() {
        String config = aws.writeIni(Map.of("encryption_context", "team=payments")).toString();
        aws.storePaymentsItem(config);
        String withoutContextSetting = aws.writeIni().toString();

        CliRun run = aws.run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", withoutContextSetting);

        assertThat(ok(run).out()).contains("\"password\":\"s3cret\"");
    }

    @Test
    void keyObjectWithAlteredContextMetadata_failsIntegrity() {
        String config = aws.writeIni(Map.of("encryption_context", "team=payments")).toString();
        aws.storePaymentsItem(config);
        // every configured pair is still there, so messer passes it on; KMS refuses the changed context
        String altered = APP_V0.with("team", "payments").with("messer:tier", "dev").with("app", "checkout")
                .toMetadataValue();
        aws.s3().copyObject(r -> r.sourceBucket(aws.keysBucket()).sourceKey("app/0")
                .destinationBucket(aws.keysBucket()).destinationKey("app/0")
                .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of(KeyRing.CONTEXT_METADATA, altered)));

        CliRun run = aws.run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config);

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("messer: encryption key app v0 (app/0 in s3://" + aws.keysBucket()
                + "): cannot unwrap the data key with KMS key alias/" + aws.masterKey()
                + " (us-east-1): the encryption context does not match or the key object is corrupted\n");
    }

    @Test
    void itemFormat1_writesKeysWithoutContext() {
        String config = aws.writeIni(Map.of("item_format", "1", "encryption_context", "team=payments")).toString();

        ok(aws.run("encryption", "create", "aws", "app", "-c", config));

        HeadObjectResponse head = aws.s3().headObject(r -> r.bucket(aws.keysBucket()).key("app/0"));
        assertThat(head.metadata()).doesNotContainKey(KeyRing.CONTEXT_METADATA);
        byte[] wrapped = aws.object(aws.keysBucket(), "app/0");
        assertThat(aws.kms().decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(wrapped))).plaintext()
                .asByteArray()).hasSize(32);
    }
}
