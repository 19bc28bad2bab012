package dev.messer.aws;

import static dev.messer.aws.AwsCommandsIT.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
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

/**
 * encryption delete on moto: S3 object versions (of live and deleted items) count apart from items
 * and need --drop-history, and with one shared secrets bucket and a keys bucket per tier, only the
 * tiers of this keys bucket count.
 */
@MotoTest
class EncryptionDeleteAwsIT {

    @TempDir
    Path dir;
    private AwsFixture aws;
    private String config;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        aws.s3().putBucketVersioning(r -> r.bucket(aws.secretsBucket()).versioningConfiguration(c -> c.status("Enabled")));
        config = aws.writeIni().toString();
    }

    private CliRun runWithInput(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-c", config));
        return CliRun.run(Map.copyOf(aws.env()), stdin.getBytes(StandardCharsets.UTF_8), all.toArray(String[]::new));
    }

    private CliRun run(String... args) {
        return runWithInput("", args);
    }

    private String oldestVersion() {
        JsonArray history = JsonParser.parseString(ok(run("data", "bag", "history", "aws", "payments", "db",
                "--format", "json")).out()).getAsJsonArray();
        return history.get(history.size() - 1).getAsJsonObject().get("version").getAsString();
    }

    /** payments/db: uploaded and set under app v0, resealed under app v1; payments/gone: under app v0, deleted. */
    private void rotatedWithHistory() {
        aws.storePaymentsItem(config);
        ok(runWithInput("two\n", "data", "bag", "set", "aws", "payments", "db", "password"));
        ok(runWithInput("{\"id\":\"gone\",\"password\":\"g\"}", "data", "bag", "from", "file", "aws", "payments", "-",
                "--secret-file", "app"));
        ok(run("data", "bag", "delete", "aws", "payments", "gone"));
        ok(run("bulk", "rotate-keys", "aws", config));
    }

    @Test
    void keptObjectVersions_areCountedApart_andNeedDropHistory_andHistoryStaysReadableWhenRefused() {
        rotatedWithHistory();
        String secrets = "s3://" + aws.secretsBucket();

        assertThat(ok(run("encryption", "delete", "aws", "app", "0", "--dry-run")).out().trim())
                .isEqualTo("would delete encryption key app v0: used by 0 items and by 3 kept versions of 2 items in "
                        + "dev/payments in " + secrets + " (scanned 1 item and 3 kept versions)");

        CliRun refused = run("encryption", "delete", "aws", "app", "0", "--no-prompt", "--force");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err().lines()).singleElement().asString()
                .contains("is still used by 0 items and by 3 kept versions of 2 items")
                .contains("history (show --at, diff) and rollback").contains("add --drop-history");
        assertThat(ok(run("encryption", "list", "aws", "app")).out().lines()).containsExactly("0", "1");
        String oldest = oldestVersion();
        assertThat(ok(run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "--at", oldest, "--field",
                "password")).out()).isEqualTo("s3cret\n");

        CliRun deleted = ok(run("encryption", "delete", "aws", "app", "0", "--no-prompt", "--drop-history"));
        assertThat(deleted.err()).contains("warning: 3 kept versions of 2 items in dev/payments will no longer decrypt");
        CliRun old = run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "--at", oldest);
        assertThat(old.exit()).isEqualTo(1);
        assertThat(old.err()).contains("key app v0 was deleted");
    }

    /** [profile aws] is tier dev with the fixture's keys bucket; [profile prod] shares the secrets bucket. */
    private void twoTiers(String prodKeysBucket) {
        StringBuilder ini = new StringBuilder("[profile aws]\n");
        aws.profile().forEach((k, v) -> ini.append(k).append(" = ").append(v).append('\n'));
        ini.append("\n[profile prod]\n");
        aws.profile().forEach((k, v) -> ini.append(k).append(" = ")
                .append(k.equals("tier") ? "prod" : k.equals("keys_bucket") ? prodKeysBucket : v).append('\n'));
        config = aws.writeFile("tiers.ini", ini.toString()).toString();
        ok(run("encryption", "create", "aws", "app", "--profile", "prod"));
        ok(run("data", "bag", "create", "aws", "payments", "--profile", "prod"));
        ok(runWithInput("{\"id\":\"db\",\"password\":\"p\"}", "data", "bag", "from", "file", "aws", "payments", "-",
                "--secret-file", "app", "--profile", "prod"));
        if (!prodKeysBucket.equals(aws.keysBucket())) {
            ok(run("encryption", "create", "aws", "app"));
        }
        ok(run("encryption", "increment", "aws", "app"));
    }

    @Test
    void keysBucketPerTier_deletingDevsUnusedVersion_leavesProdOut_sayingWhy() {
        String prodKeys = aws.createBucket("prod-" + aws.keysBucket());
        twoTiers(prodKeys);

        assertThat(ok(run("encryption", "delete", "aws", "app", "0", "--dry-run")).out())
                .contains("used by 0 items in s3://" + aws.secretsBucket() + " (scanned 0 items and 0 kept versions; "
                        + "left out 1 item and 0 kept versions under prod/, whose keys profile prod keeps in s3://"
                        + prodKeys + ")");
        ok(run("encryption", "delete", "aws", "app", "0", "--no-prompt"));
        assertThat(ok(run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "--field", "password",
                "--profile", "prod")).out()).isEqualTo("p\n");
    }

    @Test
    void sharedKeysBucket_countsTheOtherTiersItems() {
        twoTiers(aws.keysBucket());

        CliRun refused = run("encryption", "delete", "aws", "app", "0", "--no-prompt");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err().lines()).singleElement().asString()
                .contains("encryption key app v0 is still used by 1 item in prod/payments").doesNotContain("left out");
    }
}
