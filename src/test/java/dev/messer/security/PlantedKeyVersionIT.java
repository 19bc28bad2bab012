package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.aws.AwsFixture;
import dev.messer.aws.MotoTest;
import dev.messer.cli.CliRun;
import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.crypto.Envelope;
import dev.messer.crypto.EnvelopeCodec;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.crypto.ItemBinding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Someone who can write the keys bucket, but cannot use the tier's KMS key, plants a higher data-key
 * version wrapped by another KMS key of the same account that they can use, and records that key in
 * the version's {@code messer-master-key} metadata. Writers must not seal with it (the attacker knows
 * the data key inside), readers must not open an item the attacker sealed with it, and a key that an
 * admin is moving to another master key with {@code encryption rewrap} still reads.
 */
@MotoTest
class PlantedKeyVersionIT {

    @TempDir
    Path dir;

    private AwsFixture aws;
    private Path config;
    private String evilAlias;
    /** The data key of the planted version, as the attacker holds it. */
    private byte[] plantedKey;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        config = aws.writeIni();
        evilAlias = "other-" + aws.masterKey();
        aws.createKey(evilAlias);
        ok("encryption", "create", "aws", "app");
        ok("data", "bag", "create", "aws", "payments");
        upload("db", "v0-secret");
    }

    private CliRun run(String... args) {
        return aws.runWithConfig(config, args);
    }

    private CliRun ok(String... args) {
        return aws.okWithConfig(config, args);
    }

    private void upload(String id, String password) {
        Path item = aws.writeFile(id + ".json", "{\"id\":\"" + id + "\",\"password\":\"" + password + "\"}");
        ok("data", "bag", "from", "file", "aws", "payments", item.toString(), "--secret-file", "app");
    }

    /** The attacker's step: app/1 wrapped by their KMS key under the context messer would give it. */
    private void plantVersionOne() {
        EncryptionContext context = EncryptionContext.of(Map.of("messer:key_name", "app", "messer:key_version", "1",
                "messer:tier", AwsFixture.TIER));
        GenerateDataKeyResponse generated = aws.moto().kms().generateDataKey(r -> r.keyId("alias/" + evilAlias)
                .numberOfBytes(32).encryptionContext(context.asMap()));
        plantedKey = generated.plaintext().asByteArray();
        aws.moto().s3().putObject(r -> r.bucket(aws.keysBucket()).key("app/1").metadata(Map.of(
                        "messer-encryption-context", context.toMetadataValue(), "messer-master-key", evilAlias,
                        "messer-created", "2026-01-01T00:00:00Z")),
                RequestBody.fromBytes(generated.ciphertextBlob().asByteArray()));
    }

    private JsonObject storedItem(String key) {
        byte[] bytes = aws.object(aws.secretsBucket(), key);
        return JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** Every stored item of the tier: none may be sealed with the planted version, nor open with the attacker's key. */
    private void noItemIsSealedWithThePlantedVersion() {
        List<S3Object> objects = aws.moto().s3().listObjectsV2(r -> r.bucket(aws.secretsBucket()).prefix("dev/"))
                .contents();
        for (S3Object object : objects) {
            if (object.key().endsWith("/")) {
                continue;
            }
            JsonObject item = storedItem(object.key());
            assertThat(item.get("key_version").getAsInt()).as("key version of %s", object.key()).isZero();
            Envelope envelope = EnvelopeCodec.decode(item.get("encrypted_data").getAsString());
            String[] path = object.key().split("/");
            try (DataKey attackers = DataKey.adopt(plantedKey.clone())) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> envelope.open(attackers, new ItemBinding(
                        AwsFixture.TIER, "", path[1], path[2], envelope.keyName(), envelope.keyVersion())))
                        .as("the attacker's key opens %s", object.key()).isNotNull();
            }
        }
    }

    private static void refusedNamingThePlant(CliRun run, String evilAlias) {
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).hasLineCount(1).contains("encryption key app v1").contains("'" + evilAlias + "'")
                .contains("encryption rewrap aws app --to-master-key").contains("encryption delete aws app 1");
    }

    @Test
    void writersPickingTheLatestVersion_refuseAPlantedVersionWrappedByAnotherKmsKey() {
        plantVersionOne();

        Path fresh = aws.writeFile("api.json", "{\"id\":\"api\",\"password\":\"new-secret\"}");
        refusedNamingThePlant(run("data", "bag", "from", "file", "aws", "payments", fresh.toString(),
                "--secret-file", "app"), evilAlias);
        CliRun reEncrypt = run("bulk", "re-encrypt", "aws");
        assertThat(reEncrypt.exit()).as(reEncrypt.err()).isNotZero();
        assertThat(reEncrypt.out() + reEncrypt.err()).contains("encryption key app v1").contains(evilAlias);
        CliRun rotate = run("bulk", "rotate-keys", "aws");
        assertThat(rotate.exit()).as(rotate.err()).isNotZero();
        assertThat(rotate.out() + rotate.err()).contains("encryption key app v1").contains(evilAlias);

        noItemIsSealedWithThePlantedVersion();
        assertThat(ok("data", "bag", "show", "aws", "payments", "db", "--decrypt", "--field", "password").out())
                .isEqualTo("v0-secret\n");
        ok("setup", "aws", "--fix");
        CliRun doctor = run("doctor", "aws");
        assertThat(doctor.out()).containsPattern("(?m)^\\[FAIL\\] data keys +encryption key app v1 .*'" + evilAlias + "'")
                .containsPattern("(?m)^\\[warn\\] old master keys +1 key version\\(s\\) .*app v1 by '" + evilAlias + "'");

        ok("encryption", "delete", "aws", "app", "1", "--no-prompt");
        ok("data", "bag", "from", "file", "aws", "payments", fresh.toString(), "--secret-file", "app");
        assertThat(storedItem("dev/payments/api").get("key_version").getAsInt()).isZero();
    }

    @Test
    void anItemTheAttackerSealedWithThePlantedVersion_isNotOpened() {
        plantVersionOne();
        byte[] forged = "{\"id\":\"db\",\"password\":\"attacker-chosen\"}".getBytes(StandardCharsets.UTF_8);
        Envelope envelope;
        try (DataKey attackers = DataKey.adopt(plantedKey.clone())) {
            envelope = Envelope.seal(EnvelopeVersion.V2, attackers, forged,
                    new ItemBinding(AwsFixture.TIER, "", "payments", "db", "app", 1));
        }
        String stored = "{\"id\":\"db\",\"encrypted_data\":\"" + EnvelopeCodec.encode(envelope)
                + "\",\"key_name\":\"app\",\"key_version\":1}";
        aws.moto().s3().putObject(r -> r.bucket(aws.secretsBucket()).key("dev/payments/db"),
                RequestBody.fromString(stored));

        CliRun show = run("data", "bag", "show", "aws", "payments", "db", "--decrypt");
        assertThat(show.exit()).as(show.err()).isEqualTo(1);
        assertThat(show.out()).isEmpty();
        assertThat(show.err()).hasLineCount(1).doesNotContain("attacker-chosen").contains("encryption key app v1")
                .contains(evilAlias);
        CliRun export = run("export", "aws", "payments/db");
        assertThat(export.exit()).isEqualTo(1);
        assertThat(export.out()).doesNotContain("attacker-chosen");
    }

    @Test
    void aKeyMovedToAnotherMasterKey_stillReads_writersAskToFinishTheMove_andWriteOnceTheProfileFollows() {
        String nextAlias = "next-" + aws.masterKey();
        aws.createKey(nextAlias);
        ok("encryption", "increment", "aws", "app");
        upload("api", "v1-secret");
        ok("encryption", "rewrap", "aws", "app", "--to-master-key", nextAlias);

        assertThat(ok("data", "bag", "show", "aws", "payments", "db", "--decrypt", "--field", "password").out())
                .isEqualTo("v0-secret\n");
        assertThat(ok("data", "bag", "show", "aws", "payments", "api", "--decrypt", "--field", "password").out())
                .isEqualTo("v1-secret\n");
        Path value = aws.writeFile("value.txt", "v2-secret");
        CliRun set = run("data", "bag", "set", "aws", "payments", "api", "password", "--value-file", value.toString());
        assertThat(set.exit()).isEqualTo(1);
        assertThat(set.err()).hasLineCount(1).contains("encryption key app v1").contains("'" + nextAlias + "'")
                .contains("messer configure aws -m " + nextAlias);

        ok("configure", "aws", "-m", nextAlias);
        ok("data", "bag", "set", "aws", "payments", "api", "password", "--value-file", value.toString());
        assertThat(ok("data", "bag", "show", "aws", "payments", "api", "--decrypt", "--field", "password").out())
                .isEqualTo("v2-secret\n");
    }
}
