package dev.messer.security;

import static dev.messer.security.TwoRegions.HOME;
import static dev.messer.security.TwoRegions.OTHER;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.aws.MotoTest;
import dev.messer.cli.CliRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift between two regions, each behind its own relay, on versioned secrets buckets: doctor reports
 * the objects S3 Replication has not carried (a newer item, a new one, one deleted at home) with
 * counts and the oldest lag, and a key version a region lacks, which {@code encryption sync}
 * repairs; {@code data bag show --regions} shows one item in each region, metadata only.
 */
@MotoTest
class RegionDriftIT {

    @TempDir
    Path dir;

    private TwoRegions world;
    private Path config;

    @BeforeEach
    void setUp() {
        world = new TwoRegions(dir);
        for (String region : List.of(HOME, OTHER)) {
            world.aws.s3().putBucketVersioning(r -> r.bucket(world.secretsBucket(region))
                    .versioningConfiguration(v -> v.status("Enabled")));
        }
        config = world.writeIni("");
        ok("encryption", "create", "aws", "app");
        ok("data", "bag", "create", "aws", "payments");
        upload("db", "s3cret");
        upload("old", "revoked");
        world.replicate();
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

    private void upload(String id, String password) {
        Path item = world.aws.writeFile(id + ".json", "{\"id\": \"" + id + "\", \"password\": \"" + password + "\"}");
        ok("data", "bag", "from", "file", "aws", "payments", item.toString(), "--secret-file", "app", "--force");
    }

    /** The line of one check of doctor, and the line of its fix or hint when it has one. */
    private String check(CliRun doctor, String name) {
        List<String> lines = doctor.out().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\[[a-zA-Z ]+\\]\\s+" + java.util.regex.Pattern.quote(name) + "\\s.*")) {
                boolean fix = i + 1 < lines.size() && lines.get(i + 1).trim().matches("(fix|hint): .*");
                return lines.get(i) + (fix ? "\n" + lines.get(i + 1).trim() : "");
            }
        }
        throw new AssertionError("no check '" + name + "' in:\n" + doctor);
    }

    private CliRun doctor() {
        return world.run(config, "doctor", "aws");
    }

    @Test
    void replicated_isClean_thenLagAndAMissingKeyVersionAreReported_andRepaired() {
        CliRun clean = doctor();
        assertThat(check(clean, "items in " + OTHER)).startsWith("[ok]").contains("3 object(s) under "
                + "dev/ as in " + HOME);
        assertThat(check(clean, "data keys in " + OTHER)).startsWith("[ok]")
                .contains("the same data-key versions as " + HOME);

        upload("db", "newer");                                    // a newer item, not replicated
        upload("fresh", "new");                                   // a new item, not replicated
        ok("data", "bag", "delete", "aws", "payments", "old");   // deleted at home, still in the other region
        world.down.get(OTHER).set(true);
        assertThat(world.run(config, "encryption", "increment", "aws", "app").exit()).isEqualTo(3);
        world.down.get(OTHER).set(false);

        CliRun drifted = doctor();
        assertThat(check(drifted, "items in " + OTHER)).startsWith("[warn]")
                .contains("replication lag: 3 of 4 object(s) under dev/ differ from " + HOME + ": "
                        + "1 missing (payments/fresh); 1 older than the home region's (payments/db); "
                        + "1 deleted in the home region but still here (payments/old); oldest lag ")
                .containsPattern("oldest lag \\d+s \\(payments/")
                .contains("fix: S3 Replication may still be carrying changes this recent")
                .contains("'aws s3api get-bucket-replication --region " + HOME + " --bucket " + world.secretsBucket(HOME) + "'")
                .contains("'aws s3api delete-object --region " + OTHER + " --bucket " + world.secretsBucket(OTHER)
                        + " --key dev/payments/old'");
        assertThat(check(drifted, "data keys in " + OTHER)).startsWith("[warn]")
                .contains("1 data-key version(s) differ from " + HOME + ": 1 missing (app v1)")
                .contains("fix: bring " + OTHER + " up to date with 'messer encryption sync aws -c " + config + "'");
        assertThat(drifted.out()).as("what doctor reads: listings, no item").doesNotContain("newer", "s3cret");

        CliRun shown = ok("data", "bag", "show", "aws", "payments", "db", "--regions");
        String homeVersion = world.aws.s3().headObject(r -> r.bucket(world.secretsBucket(HOME))
                .key("dev/payments/db")).versionId();
        List<String> rows = shown.out().lines().toList();
        assertThat(rows.get(0)).matches("REGION\\s+VERSION\\s+LAST MODIFIED\\s+MATCHES HOME");
        assertThat(rows.get(1)).startsWith(HOME).contains(homeVersion).endsWith("(home)");
        assertThat(rows.get(2)).startsWith(OTHER).endsWith("no: older than the home region's");
        assertThat(shown.out()).doesNotContain("newer", "s3cret");

        JsonArray old = JsonParser.parseString(ok("data", "bag", "show", "aws", "payments", "old", "--regions",
                "--format", "json").out()).getAsJsonArray();
        JsonObject oldHome = old.get(0).getAsJsonObject();
        assertThat(oldHome.get("region").getAsString()).isEqualTo(HOME);
        assertThat(oldHome.get("state").getAsString()).isEqualTo("deleted");
        assertThat(oldHome.get("version_id").isJsonNull()).isTrue();
        JsonObject oldOther = old.get(1).getAsJsonObject();
        assertThat(oldOther.get("state").getAsString()).isEqualTo("present");
        assertThat(oldOther.get("matches_home").getAsBoolean()).isFalse();
        assertThat(oldOther.get("differs").getAsString()).isEqualTo("deleted in the home region but still here");
        assertThat(ok("data", "bag", "show", "aws", "payments", "fresh", "--regions").out().lines().toList().get(2))
                .matches(OTHER + "\\s+missing\\s+-\\s+no: missing");
        CliRun nowhere = world.run(config, "data", "bag", "show", "aws", "payments", "nosuch", "--regions");
        assertThat(nowhere.exit()).as("an item in no region is not found").isEqualTo(1);
        assertThat(nowhere.out().lines().skip(1).toList()).allMatch(row -> row.contains("missing"));
        assertThat(nowhere.err().lines().toList()).containsExactly("messer: item nosuch does not exist in data bag "
                + "payments in any region of the profile; see 'messer data bag show aws payments -c " + config + "'");

        assertThat(ok("encryption", "sync", "aws").out()).isEqualTo(OTHER + " app v1: missing, copied\n");
        world.replicate();
        world.aws.s3().deleteObject(r -> r.bucket(world.secretsBucket(OTHER)).key("dev/payments/old"));
        CliRun repaired = doctor();
        assertThat(check(repaired, "data keys in " + OTHER)).startsWith("[ok]");
        assertThat(check(repaired, "items in " + OTHER)).startsWith("[ok]");
        JsonObject dbOther = JsonParser.parseString(ok("data", "bag", "show", "aws", "payments", "db", "--regions",
                "--format", "json").out()).getAsJsonArray().get(1).getAsJsonObject();
        assertThat(dbOther.get("matches_home").getAsBoolean()).isTrue();
        assertThat(dbOther.get("state").getAsString()).isEqualTo("present");
    }

    @Test
    void showRegions_needsAProfileWithRegions_andRefusesTheOptionsOfAValue() {
        Path single = world.aws.writeIni();
        CliRun refused = world.run(single, "data", "bag", "show", "aws", "payments", "db", "--regions");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err().lines().toList()).hasSize(1);
        assertThat(refused.err()).contains("--regions needs a profile with 'regions'");
        CliRun decrypt = world.run(config, "data", "bag", "show", "aws", "payments", "db", "--regions", "--decrypt");
        assertThat(decrypt.exit()).isEqualTo(2);
        assertThat(decrypt.err()).contains("--regions shows metadata only, never a value");
        assertThat(decrypt.out()).isEmpty();
    }

    @Test
    void showRegions_withARegionDown_showsTheOthers_namesItOnStderr_andExits1() {
        world.down.get(OTHER).set(true);
        CliRun shown = world.run(config, "data", "bag", "show", "aws", "payments", "db", "--regions");
        assertThat(shown.exit()).as(shown.toString()).isEqualTo(1);
        List<String> rows = shown.out().lines().toList();
        assertThat(rows.get(1)).startsWith(HOME).endsWith("(home)");
        assertThat(rows.get(2)).matches(OTHER + "\\s+unreachable\\s+-\\s+unknown");
        assertThat(shown.err()).startsWith("messer: region " + OTHER + ": ");
    }
}
