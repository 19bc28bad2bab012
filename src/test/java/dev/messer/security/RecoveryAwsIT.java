package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.aws.AwsFixture;
import dev.messer.aws.MotoTest;
import dev.messer.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Break-glass recovery on moto, through a relay that refuses and counts every KMS call for the lost
 * master key: {@code recovery restore} re-wraps every version under a new KMS key from the recovery
 * wraps alone, every item decrypts afterwards, and no item object was written.
 */
@MotoTest
class RecoveryAwsIT {

    @TempDir
    Path dir;

    private AwsFixture aws;
    private FaultProxy relay;
    private Path config;
    private String rescueAlias;
    private final AtomicInteger oldKeyCalls = new AtomicInteger();

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        relay = new FaultProxy(aws.moto().endpoint());
        config = aws.writeIni(Map.of("endpoint_url", relay.endpoint().toString()));
        rescueAlias = "rescue-" + aws.masterKey();
        aws.createKey(rescueAlias);
    }

    @AfterEach
    void tearDown() {
        relay.close();
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

    /** Every KMS call that names the old key, by alias or id, is refused as for a key pending deletion, and counted. */
    private void loseTheOldKey() {
        Predicate<FaultProxy.Request> oldKey = request -> {
            boolean matches = !request.header("x-amz-target").isEmpty()
                    && (request.bodyContains("alias/" + aws.masterKey() + "\"") || request.bodyContains(aws.kmsKeyId()));
            if (matches) {
                oldKeyCalls.incrementAndGet();
            }
            return matches;
        };
        relay.inject(oldKey, Integer.MAX_VALUE, FaultProxy.kmsError(400, "KMSInvalidStateException"));
        aws.moto().kms().scheduleKeyDeletion(r -> r.keyId(aws.kmsKeyId()).pendingWindowInDays(7));
    }

    private List<ObjectVersion> itemVersions() {
        return aws.moto().s3().listObjectVersions(r -> r.bucket(aws.secretsBucket()).prefix("dev/")).versions();
    }

    @Test
    void restoreWithThePrivateKey_rewrapsEveryVersionWithoutOneCallToTheLostKey() throws Exception {
        Path privateKey = dir.resolve("recovery.pem");
        Path publicKey = dir.resolve("recovery.pub");
        ok("recovery", "keygen", privateKey.toString(), publicKey.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
        ok("encryption", "create", "aws", "app");
        ok("data", "bag", "create", "aws", "payments");
        upload("db", "v0-secret");
        ok("recovery", "set", "aws", publicKey.toString());
        assertThat(Files.readString(config)).contains("recovery_key_fingerprint = SHA256:");
        ok("encryption", "increment", "aws", "app");
        upload("api", "v1-secret");
        ok("encryption", "create", "aws", "other");
        assertThat(aws.moto().s3().headObject(r -> r.bucket(aws.keysBucket()).key("!recovery/app/1")).metadata())
                .containsKey("messer-recovery-key");
        CliRun added = ok("encryption", "rewrap", "aws", "--add-recovery");
        assertThat(added.out()).contains("Re-wrapped 1 key version(s); 2 needed nothing");
        assertThat(ok("encryption", "list", "aws").out()).isEqualTo("app\nother\n");

        List<ObjectVersion> before = itemVersions();
        loseTheOldKey();
        CliRun lost = run("data", "bag", "show", "aws", "payments", "db", "--decrypt");
        assertThat(lost.exit()).isEqualTo(1);
        assertThat(oldKeyCalls.get()).as("the relay refuses the old key").isPositive();
        oldKeyCalls.set(0);

        CliRun restored = ok("recovery", "restore", "aws", "--private-key", privateKey.toString(),
                "--to-master-key", rescueAlias);
        assertThat(restored.out()).contains("Restored 3 key version(s) under " + rescueAlias);
        assertThat(ok("data", "bag", "show", "aws", "payments", "db", "--decrypt", "--field", "password").out())
                .isEqualTo("v0-secret\n");
        assertThat(ok("data", "bag", "show", "aws", "payments", "api", "--decrypt", "--field", "password").out())
                .isEqualTo("v1-secret\n");
        assertThat(oldKeyCalls.get()).as("KMS calls for the lost key").isZero();
        assertThat(itemVersions()).as("no item object was written")
                .extracting(ObjectVersion::key, ObjectVersion::versionId, ObjectVersion::eTag)
                .containsExactlyInAnyOrderElementsOf(before.stream().map(v -> org.assertj.core.groups.Tuple.tuple(
                        v.key(), v.versionId(), v.eTag())).toList());
        assertThat(aws.moto().s3().headObject(r -> r.bucket(aws.keysBucket()).key("app/0")).metadata())
                .containsEntry("messer-master-key", rescueAlias).containsKey("messer-created");

        CliRun again = ok("recovery", "restore", "aws", "--private-key", privateKey.toString(),
                "--to-master-key", rescueAlias);
        assertThat(again.out()).contains("Restored 0 key version(s)").contains("3 already were");
        assertThat(oldKeyCalls.get()).isZero();
    }

    @Test
    void rewrapToAnotherMasterKey_movesEveryVersionAndItemsStillDecrypt() {
        ok("encryption", "create", "aws", "app");
        ok("data", "bag", "create", "aws", "payments");
        upload("db", "v0-secret");
        ok("encryption", "increment", "aws", "app");
        upload("api", "v1-secret");
        List<ObjectVersion> before = itemVersions();

        CliRun moved = ok("encryption", "rewrap", "aws", "app", "--to-master-key", "alias/" + rescueAlias);
        assertThat(moved.out()).contains("Re-wrapped 2 key version(s)");
        assertThat(moved.err()).contains("configure aws -m " + rescueAlias);
        loseTheOldKey();
        oldKeyCalls.set(0);
        assertThat(ok("data", "bag", "show", "aws", "payments", "db", "--decrypt", "--field", "password").out())
                .isEqualTo("v0-secret\n");
        assertThat(ok("data", "bag", "show", "aws", "payments", "api", "--decrypt", "--field", "password").out())
                .isEqualTo("v1-secret\n");
        assertThat(oldKeyCalls.get()).isZero();
        assertThat(itemVersions()).hasSameSizeAs(before);
        assertThat(ok("encryption", "rewrap", "aws", "app", "--to-master-key", rescueAlias).out())
                .contains("Re-wrapped 0 key version(s); 2 needed nothing");
    }

    @Test
    void aSwappedRecoveryKeyInTheKeysBucket_isRefusedAndNothingIsWritten() {
        Path publicKey = dir.resolve("recovery.pub");
        ok("recovery", "keygen", dir.resolve("recovery.pem").toString(), publicKey.toString());
        ok("recovery", "keygen", dir.resolve("attacker.pem").toString(), dir.resolve("attacker.pub").toString());
        ok("encryption", "create", "aws", "app");
        ok("recovery", "set", "aws", publicKey.toString());
        aws.moto().s3().putObject(r -> r.bucket(aws.keysBucket()).key("!recovery-key/public-key.pem"),
                dir.resolve("attacker.pub"));

        CliRun refused = run("encryption", "increment", "aws", "app");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("but the profile pins SHA256:").hasLineCount(1);
        assertThat(ok("encryption", "list", "aws", "app").out()).isEqualTo("0\n");
        CliRun rewrap = run("encryption", "rewrap", "aws", "--add-recovery");
        assertThat(rewrap.exit()).isEqualTo(1);
        assertThat(aws.moto().s3().listObjectsV2(r -> r.bucket(aws.keysBucket()).prefix("!recovery/")).contents())
                .isEmpty();
    }
}
