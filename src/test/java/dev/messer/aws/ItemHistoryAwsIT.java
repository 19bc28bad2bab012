package dev.messer.aws;

import static dev.messer.aws.AwsCommandsIT.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history, show --at, rollback, diff, set, unset and delete --purge against moto's S3, versioned and not. */
@MotoTest
class ItemHistoryAwsIT {

    private static final String MARKER = "aws-marker-secret-51d0";

    @TempDir
    Path dir;
    private AwsFixture aws;
    private String config;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        config = aws.writeIni().toString();
    }

    private void enableVersioning() {
        aws.s3().putBucketVersioning(r -> r.bucket(aws.secretsBucket()).versioningConfiguration(c -> c.status("Enabled")));
    }

    private CliRun run(String... args) {
        return runWithInput("", args);
    }

    private CliRun runWithInput(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-c", config));
        return CliRun.run(Map.copyOf(aws.env()), stdin.getBytes(StandardCharsets.UTF_8), all.toArray(String[]::new));
    }

    private JsonArray history() {
        return JsonParser.parseString(ok(run("data", "bag", "history", "aws", "payments", "db", "--format", "json")).out())
                .getAsJsonArray();
    }

    private String version(JsonArray history, int index) {
        return history.get(index).getAsJsonObject().get("version").getAsString();
    }

    private String password(String... extra) {
        List<String> args = new ArrayList<>(List.of("data", "bag", "show", "aws", "payments", "db", "--decrypt",
                "--field", "password"));
        args.addAll(List.of(extra));
        return ok(run(args.toArray(String[]::new))).out();
    }

    @Test
    void versionedBucket_historyShowAtSetRollbackDiffAndPurge() {
        enableVersioning();
        aws.storePaymentsItem(config);
        ok(runWithInput("two\n", "data", "bag", "set", "aws", "payments", "db", "password"));

        JsonArray history = history();
        assertThat(history).hasSize(2);
        JsonObject newest = history.get(0).getAsJsonObject();
        assertThat(newest.get("writer").getAsString()).startsWith("arn:aws:");
        assertThat(newest.get("key_name").getAsString()).isEqualTo("app");
        assertThat(newest.get("key_version").getAsInt()).isZero();
        assertThat(newest.get("item_format").getAsInt()).isEqualTo(2);
        assertThat(newest.get("deleted").getAsBoolean()).isFalse();
        assertThat(history.toString()).doesNotContain("s3cret");
        String first = version(history, 1);
        String second = version(history, 0);

        assertThat(password("--at", first)).isEqualTo("s3cret\n");
        assertThat(password()).isEqualTo("two\n");

        ok(run("data", "bag", "rollback", "aws", "payments", "db", first));
        assertThat(password()).isEqualTo("s3cret\n");
        ok(run("data", "bag", "rollback", "aws", "payments", "db", second));
        assertThat(password()).isEqualTo("two\n");
        assertThat(history()).hasSize(4);

        ok(runWithInput("{\"password\":\"" + MARKER + "\",\"db/host\":\"h\"}", "data", "bag", "set", "aws", "payments", "db",
                "password", "db/host", "--json"));
        CliRun diff = run("data", "bag", "diff", "aws", "payments", "db");
        assertThat(diff.exit()).isEqualTo(1);
        assertThat(diff.out().lines()).containsExactly("+ db/host", "~ password");
        assertThat(diff.out() + diff.err()).doesNotContain(MARKER);
        assertThat(run("data", "bag", "diff", "aws", "payments", "db", first, second).exit()).isEqualTo(1);

        ok(run("data", "bag", "unset", "aws", "payments", "db", "db"));
        ok(run("data", "bag", "delete", "aws", "payments", "db"));
        JsonArray afterDelete = history();
        assertThat(afterDelete.get(0).getAsJsonObject().get("deleted").getAsBoolean()).isTrue();
        ok(run("data", "bag", "rollback", "aws", "payments", "db", first));
        assertThat(password()).isEqualTo("s3cret\n");

        ok(run("data", "bag", "delete", "aws", "payments", "db", "--purge"));
        assertThat(aws.s3().listObjectVersions(r -> r.bucket(aws.secretsBucket()).prefix("dev/payments/db")).versions())
                .isEmpty();
        assertThat(aws.s3().listObjectVersions(r -> r.bucket(aws.secretsBucket()).prefix("dev/payments/db"))
                .deleteMarkers()).isEmpty();
        assertThat(run("data", "bag", "history", "aws", "payments", "db").exit()).isEqualTo(1);
    }

    @Test
    void previousAndTildeN_nameVersionsByTheirPlaceInHistory_forShowAtDiffAndRollback() {
        enableVersioning();
        aws.storePaymentsItem(config);
        ok(runWithInput("two\n", "data", "bag", "set", "aws", "payments", "db", "password"));
        ok(runWithInput("three\n", "data", "bag", "set", "aws", "payments", "db", "password"));

        assertThat(password("--at", "previous")).isEqualTo("two\n");
        assertThat(password("--at", "~2")).isEqualTo("s3cret\n");
        assertThat(password("--at", "~0")).isEqualTo("three\n");
        CliRun tooFar = run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "--at", "~3");
        assertThat(tooFar.exit()).isEqualTo(1);
        assertThat(tooFar.err()).contains("has 3 version(s)").contains("'~3'").contains("data bag history aws payments db");
        CliRun diff = run("data", "bag", "diff", "aws", "payments", "db", "~2", "previous");
        assertThat(diff.exit()).as(diff.toString()).isEqualTo(1);
        assertThat(diff.out().lines()).containsExactly("~ password");

        String oldest = version(history(), 2);
        CliRun rollback = run("data", "bag", "rollback", "aws", "payments", "db", "~2");
        assertThat(rollback.exit()).as(rollback.toString()).isZero();
        assertThat(rollback.err()).contains("back to version " + oldest);
        assertThat(password()).isEqualTo("s3cret\n");
        ok(run("data", "bag", "rollback", "aws", "payments", "db", "previous"));
        assertThat(password()).isEqualTo("three\n");
    }

    @Test
    void writer_isStoredAsS3UserMetadata_notInTheItem() {
        enableVersioning();
        aws.storePaymentsItem(config);
        Map<String, String> metadata = aws.s3().headObject(r -> r.bucket(aws.secretsBucket()).key("dev/payments/db"))
                .metadata();
        assertThat(metadata.get("messer-writer")).startsWith("arn:aws:");
        assertThat(new String(aws.object(aws.secretsBucket(), "dev/payments/db"), StandardCharsets.UTF_8))
                .doesNotContain("arn:aws:");
    }

    @Test
    void unversionedBucket_historyHasOneEntryAndAHint_andPurgeStillWorks() {
        aws.storePaymentsItem(config);
        ok(runWithInput("two", "data", "bag", "set", "aws", "payments", "db", "password"));

        CliRun history = ok(run("data", "bag", "history", "aws", "payments", "db", "--format", "json"));

        JsonArray entries = JsonParser.parseString(history.out()).getAsJsonArray();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getAsJsonObject().get("version").getAsString()).isEqualTo("null");
        assertThat(history.err()).contains("keeps no old versions").contains("put-bucket-versioning")
                .contains("messer setup aws");
        assertThat(password("--at", "null")).isEqualTo("two\n");
        CliRun diff = run("data", "bag", "diff", "aws", "payments", "db");
        assertThat(diff.exit()).isEqualTo(1);
        assertThat(diff.out().lines()).contains("+ password");

        ok(run("data", "bag", "delete", "aws", "payments", "db", "--purge"));
        assertThat(run("data", "bag", "history", "aws", "payments", "db").exit()).isEqualTo(1);
    }
}
