package dev.messer.security;

import static dev.messer.security.TwoRegions.HOME;
import static dev.messer.security.TwoRegions.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.aws.MotoTest;
import dev.messer.cli.CliRun;
import dev.messer.crypto.EncryptionContext;
import dev.messer.keys.KeyRing;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code bulk sync --from HOME} on two regions that were set up as two separate Messer deployments:
 * each region created its own data key {@code app} (a different key under the same version number)
 * and its own items (shared names with other values, and one item only in the secondary region).
 * A dry run changes nothing; the real run leaves the secondary region with the home region's keys,
 * each wrapped by its own KMS key, and the home region's items byte for byte, readable there with
 * the home region unreachable; the extra item stays readable until {@code --delete-extra}.
 */
@MotoTest
class MultiRegionSyncIT {

    @TempDir
    Path dir;

    private TwoRegions world;
    private Path config;

    @BeforeEach
    void setUp() {
        world = new TwoRegions(dir);
        config = world.writeIni(single("east", HOME) + single("west", OTHER));
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    /** A profile of one region alone, as each separate set-up had. */
    private String single(String name, String region) {
        return "\n[profile " + name + "]\nprovider = aws\ntier = dev\nregion = " + region + "\nmaster_key = "
                + world.masterKey() + "\nsecrets_bucket = " + world.secretsBucket(region) + "\nkeys_bucket = "
                + world.keysBucket(region) + "\nendpoint_url = " + world.relays.get(region).endpoint()
                + "\npath_style = true\n";
    }

    CliRun ok(String... args) {
        CliRun result = world.run(config, args);
        assertThat(result.exit()).as(result.toString()).isZero();
        return result;
    }

    void upload(String profile, String id, String field, String value) {
        Path file = world.aws.writeFile(id + "-" + profile + ".json", "{\"id\": \"" + id + "\", \"" + field + "\": \""
                + value + "\"}");
        ok("data", "bag", "from", "file", "aws", "payments", file.toString(), "--secret-file", "app", "--profile",
                profile);
    }

    /** Two separate set-ups: us-east-1 with app v0 and v1, eu-west-1 with its own app v0. */
    void seedSeparateRegions() {
        for (String profile : List.of("east", "west")) {
            ok("encryption", "create", "aws", "app", "--profile", profile);
            ok("data", "bag", "create", "aws", "payments", "--profile", profile);
        }
        upload("east", "db", "password", "home-db-secret");
        upload("east", "api", "token", "home-api-secret");
        ok("encryption", "increment", "aws", "app", "--profile", "east");
        upload("east", "later", "token", "home-later-secret");
        upload("west", "db", "password", "west-db-secret");
        upload("west", "api", "token", "west-api-secret");
        upload("west", "legacy", "note", "west-only-secret");
        assertThat(unwrap(OTHER, "app/0")).as("separate set-ups: another key under the same number")
                .isNotEqualTo(unwrap(HOME, "app/0"));
    }

    /** Unwraps a stored version of {@code region}'s keys bucket with that region's KMS key. */
    byte[] unwrap(String region, String objectKey) {
        ResponseBytes<GetObjectResponse> stored = world.aws.s3().getObjectAsBytes(r -> r
                .bucket(world.keysBucket(region)).key(objectKey));
        Map<String, String> context = EncryptionContext.fromMetadataValue(stored.response().metadata()
                .get(KeyRing.CONTEXT_METADATA)).asMap();
        return world.kms(region).decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(stored.asByteArray()))
                .encryptionContext(context).keyId(world.kmsKeyIds.get(region))).plaintext().asByteArray();
    }

    /** Every object of the four buckets, by bucket and key, as bytes in hex. */
    Map<String, String> everything() {
        Map<String, String> all = new TreeMap<>();
        for (String region : List.of(HOME, OTHER)) {
            for (String bucket : List.of(world.secretsBucket(region), world.keysBucket(region))) {
                for (S3Object object : world.aws.s3().listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
                    all.put(bucket + "/" + object.key(), java.util.HexFormat.of().formatHex(
                            world.aws.object(bucket, object.key())));
                }
            }
        }
        return all;
    }

    /** The value of one field, read from eu-west-1 alone while us-east-1 cannot be reached. */
    String readInOther(String id, String field) {
        world.down.get(HOME).set(true);
        try {
            return ok("data", "bag", "show", "aws", "payments", id, "--decrypt", "--field", field, "--region", OTHER)
                    .out().strip();
        } finally {
            world.down.get(HOME).set(false);
        }
    }

    String item(String region, String id) {
        return java.util.HexFormat.of().formatHex(world.aws.object(world.secretsBucket(region), "dev/payments/" + id));
    }

    @Test
    void dryRun_namesWhatItWouldDo_andWritesNothing() {
        seedSeparateRegions();
        Map<String, String> before = everything();
        CliRun dry = ok("bulk", "sync", "aws", "--from", HOME, "--dry-run");
        assertThat(dry.out()).contains(
                "would copy key app v1 in " + OTHER + " from the home region",
                "would replace key app v0 in " + OTHER + ": it holds another key than the home region's",
                "do payments/legacy: stays in " + OTHER + ", re-encrypt app v0 -> app v1",
                "skip payments/legacy: only in " + OTHER,
                "do payments/db: would replace the item in " + OTHER,
                "do payments/later: would copy to " + OTHER);
        assertThat(dry.err()).contains("sync (dry run, nothing written): ");
        assertThat(dry.out() + dry.err()).doesNotContain("secret");
        assertThat(everything()).as("a dry run writes nothing").isEqualTo(before);
    }

    @Test
    void sync_givesTheOtherRegionTheHomeKeysAndItems_andKeepsTheExtraReadable_untilDeleteExtra() {
        seedSeparateRegions();
        CliRun sync = ok("bulk", "sync", "aws", "--from", HOME);
        assertThat(sync.err()).contains("messer: replacing key app v0 in " + OTHER
                + ": it holds another key than the home region's")
                .contains("sync: 4 done, 1 skipped, 0 failed");
        assertThat(sync.out() + sync.err()).doesNotContain("secret");
        for (String version : List.of("app/0", "app/1")) {
            assertThat(unwrap(OTHER, version)).as(version + " by eu-west-1's own key").isEqualTo(unwrap(HOME, version));
        }
        for (String id : List.of("db", "api", "later")) {
            assertThat(item(OTHER, id)).as(id + " as stored in the home region").isEqualTo(item(HOME, id));
        }
        assertThat(readInOther("db", "password")).isEqualTo("home-db-secret");
        assertThat(readInOther("api", "token")).isEqualTo("home-api-secret");
        assertThat(readInOther("later", "token")).isEqualTo("home-later-secret");
        assertThat(readInOther("legacy", "note")).as("the extra item, moved onto app v1 before v0 was replaced")
                .isEqualTo("west-only-secret");

        CliRun again = ok("bulk", "sync", "aws", "--from", HOME);
        assertThat(again.err()).contains("sync: 0 done, 4 skipped, 0 failed")
                .contains("skipped payments/legacy: only in " + OTHER);

        ok("bulk", "sync", "aws", "--from", HOME, "--delete-extra");
        assertThat(world.aws.s3().listObjectsV2(r -> r.bucket(world.secretsBucket(OTHER))).contents())
                .extracting(S3Object::key).doesNotContain("dev/payments/legacy").contains("dev/payments/db");
    }

    @Test
    void anExtraItemWithNoKeyToMoveTo_holdsTheReplacementBack_andTheHintedIncrementLetsItThrough() {
        for (String profile : List.of("east", "west")) {
            ok("encryption", "create", "aws", "app", "--profile", profile);
            ok("data", "bag", "create", "aws", "payments", "--profile", profile);
        }
        upload("east", "db", "password", "home-db-secret");
        upload("west", "db", "password", "west-db-secret");
        upload("west", "legacy", "note", "west-only-secret");
        String westKey = java.util.HexFormat.of().formatHex(world.aws.object(world.keysBucket(OTHER), "app/0"));

        CliRun held = world.run(config, "bulk", "sync", "aws", "--from", HOME);
        assertThat(held.exit()).as(held.toString()).isEqualTo(3);
        assertThat(held.err()).contains("left key app v0 in " + OTHER + " as it is (not replaced: it holds another key")
                .contains("item payments/legacy, which stays in " + OTHER + ", is sealed with app v0")
                .contains("'messer encryption increment aws app'")
                .contains("skipped payments/db: not copied: its key app v0 holds another key in " + OTHER)
                .contains("messer: region " + OTHER + " does not match the home region yet: ")
                .doesNotContain("replacing");
        assertThat(java.util.HexFormat.of().formatHex(world.aws.object(world.keysBucket(OTHER), "app/0")))
                .isEqualTo(westKey);
        assertThat(readInOther("db", "password")).as("left as the region had it").isEqualTo("west-db-secret");
        assertThat(readInOther("legacy", "note")).isEqualTo("west-only-secret");

        ok("encryption", "increment", "aws", "app");
        ok("bulk", "sync", "aws", "--from", HOME);
        assertThat(readInOther("db", "password")).isEqualTo("home-db-secret");
        assertThat(readInOther("legacy", "note")).isEqualTo("west-only-secret");
        assertThat(unwrap(OTHER, "app/0")).isEqualTo(unwrap(HOME, "app/0"));
    }

    @Test
    void aProfileWithoutRegions_orAnotherHome_isAOneLineUsageError() {
        CliRun single = world.run(config, "bulk", "sync", "aws", "--from", HOME, "--profile", "east");
        assertThat(single.exit()).isEqualTo(2);
        assertThat(single.err().strip().lines()).hasSize(1);
        assertThat(single.err()).contains("'bulk sync' needs a profile with regions; add 'regions = " + HOME);

        CliRun other = world.run(config, "bulk", "sync", "aws", "--from", OTHER);
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err().strip().lines()).hasSize(1);
        assertThat(other.err()).contains("--from " + OTHER + " is not the profile's home region " + HOME)
                .contains("run it with --from " + HOME);
        assertThat(Arrays.asList(single.out(), other.out())).containsOnly("");
    }

    @Test
    void aRunKilledMidway_isFinishedByARerun_thatSkipsWhatWasCopied() throws Exception {
        int count = 16;
        for (String profile : List.of("east", "west")) {
            ok("encryption", "create", "aws", "app", "--profile", profile);
            ok("data", "bag", "create", "aws", "payments", "--profile", profile);
            Path folder = java.nio.file.Files.createDirectories(dir.resolve("items-" + profile));
            for (int i = 0; i < count; i++) {
                java.nio.file.Files.writeString(folder.resolve("i" + i + ".json"), "{\"id\": \"i" + i
                        + "\", \"v\": \"" + profile + "-" + i + "\"}");
            }
            ok("data", "bag", "from", "file", "aws", "payments", folder.toString(), "--secret-file", "app",
                    "--profile", profile);
        }
        java.util.concurrent.atomic.AtomicBoolean slow = new java.util.concurrent.atomic.AtomicBoolean(true);
        world.relays.get(OTHER).inject(r -> slow.get() && r.method().equals("PUT"), Integer.MAX_VALUE,
                FaultProxy.delay(java.time.Duration.ofMillis(150)));

        Path tmp = java.nio.file.Files.createDirectories(dir.resolve("child-tmp"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp, "-cp",
                System.getProperty("java.class.path"), dev.messer.cli.Main.class.getName(), "bulk", "sync", "aws",
                "--from", HOME, "--parallel", "1", "-c", config.toString());
        builder.environment().clear();
        builder.environment().putAll(world.aws.env());
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child = builder.start();
        int copied;
        try {
            long until = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
            while ((copied = identical(count)) < 3 && child.isAlive() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        slow.set(false);
        // a PUT the relay was holding back when the child died still lands: count once nothing moves
        copied = identical(count);
        for (int before = -1; copied != before; copied = identical(count)) {
            before = copied;
            Thread.sleep(500);
        }
        assertThat(copied).as("killed in the middle of the copies").isBetween(1, count - 1);
        String notYet = java.util.stream.IntStream.range(0, count).mapToObj(i -> "i" + i)
                .filter(id -> !item(OTHER, id).equals(item(HOME, id))).findFirst().orElseThrow();
        world.down.get(HOME).set(true);
        CliRun halfDone = world.run(config, "data", "bag", "show", "aws", "payments", notYet, "--decrypt", "--region",
                OTHER);
        world.down.get(HOME).set(false);
        assertThat(halfDone.exit()).as("as docs/bulk.md says: an item not yet copied waits for the re-run, "
                + "its own key version replaced").isNotZero();

        CliRun rerun = ok("bulk", "sync", "aws", "--from", HOME);
        assertThat(rerun.err()).contains("sync: " + (count - copied) + " done, " + copied + " skipped, 0 failed")
                .doesNotContain("replacing");
        assertThat(identical(count)).isEqualTo(count);
        assertThat(readInOther(notYet, "v")).isEqualTo("east-" + notYet.substring(1));
        assertThat(readInOther("i0", "v")).isEqualTo("east-0");
    }

    /** How many of the items i0..i(count-1) eu-west-1 holds as the home region stores them. */
    int identical(int count) {
        int same = 0;
        for (int i = 0; i < count; i++) {
            same += item(OTHER, "i" + i).equals(item(HOME, "i" + i)) ? 1 : 0;
        }
        return same;
    }
}
