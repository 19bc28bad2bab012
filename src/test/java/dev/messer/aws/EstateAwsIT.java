package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.cli.CliRun;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * audit and check against moto's S3, STS and KMS. audit's KMS calls are counted: its KMS endpoint is
 * a loopback server that answers every request with an error and counts it, and S3 and STS are moto.
 */
@MotoTest
class EstateAwsIT {

    @TempDir
    Path dir;

    private AwsFixture aws;
    private Path ini;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        ini = aws.writeIni();
        aws.okWithConfig(ini, "encryption", "create", "aws", "app");
        aws.okWithConfig(ini, "data", "bag", "create", "aws", "web");
        for (int i = 0; i < 5; i++) {
            Path item = aws.writeFile("item" + i + ".json", "{\"id\": \"item" + i + "\", \"password\": \"pw-" + i + "\"}");
            aws.okWithConfig(ini, "data", "bag", "from", "file", "aws", "web", item.toString(), "--secret-file", "app");
        }
        aws.okWithConfig(ini, "encryption", "increment", "aws", "app");
        Path last = aws.writeFile("last.json", "{\"id\": \"last\", \"password\": \"pw-last\"}");
        aws.okWithConfig(ini, "data", "bag", "from", "file", "aws", "web", last.toString(), "--secret-file", "app");
    }

    @Test
    void audit_countsItemsPerKeyVersion_fromS3Alone_withZeroKmsCalls() {
        try (FaultyAwsEndpoint kms = FaultyAwsEndpoint.kmsError(400, "AccessDeniedException", "no KMS for the audit")) {
            Path noKms = aws.writeIni("no-kms.ini", Map.of("kms_endpoint_url", kms.endpoint().toString()));
            assertThat(aws.runWithConfig(noKms, "data", "bag", "show", "aws", "web", "item0", "--decrypt").exit())
                    .as("the counting endpoint does stand in for KMS").isEqualTo(1);
            int before = kms.requests();

            CliRun run = aws.runWithConfig(noKms, "audit", "aws", "--format", "json");

            assertThat(kms.requests() - before).as("KMS calls made by audit").isZero();
            assertThat(run.exit()).as(run.toString()).isEqualTo(1);
            JsonObject tier = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("tiers").get(0)
                    .getAsJsonObject();
            assertThat(tier.get("items").getAsInt()).isEqualTo(6);
            assertThat(tier.get("where").getAsString()).isEqualTo("s3://" + aws.secretsBucket() + "/" + AwsFixture.TIER + "/");
            assertThat(tier.get("identity").getAsString()).startsWith("arn:aws:");
            var versions = tier.getAsJsonArray("keys").get(0).getAsJsonObject().getAsJsonArray("versions");
            assertThat(versions.get(0).getAsJsonObject().get("items").getAsInt()).isEqualTo(5);
            assertThat(versions.get(1).getAsJsonObject().get("items").getAsInt()).isEqualTo(1);
            assertThat(versions.get(1).getAsJsonObject().get("has_tier").getAsBoolean()).isTrue();
            assertThat(run.out()).contains("items-not-on-latest-version").doesNotContain("pw-");
        }
    }

    @Test
    void afterReEncryptAndDeletingTheOldVersion_andMinItemFormat2_auditExits0() {
        aws.okWithConfig(ini, "bulk", "re-encrypt", "aws");
        aws.okWithConfig(ini, "encryption", "delete", "aws", "app", "0", "--no-prompt", "--drop-history");
        Path strict = aws.writeIni("strict.ini", Map.of("min_item_format", "2"));

        CliRun run = aws.runWithConfig(strict, "audit", "aws");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("6 items (format 1: 0, format 2: 6)");
    }

    @Test
    void check_namesTheMissingReference_andPrintsNoValue() {
        Path manifest = aws.writeFile("deploy.txt", "web/item1/password\nweb/last\nweb/item9\n");

        CliRun run = aws.runWithConfig(ini, "check", "aws", "--require", manifest.toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly("ok       web/item1/password", "ok       web/last",
                run.out().lines().toList().get(2));
        assertThat(run.out().lines().toList().get(2)).startsWith("missing  web/item9: ");
        assertThat(run.out() + run.err()).doesNotContain("pw-");
    }
}
