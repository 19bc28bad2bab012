package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit local}: the counts, every finding with its fix, the exit statuses, and no master key:
 * the audit runs with the master key file gone.
 */
class AuditCommandTest {

    @TempDir
    Path sandbox;

    CliSandbox cli;

    /** Tier prod: key app v0 seals web/db and web/api in format 1; v1 seals ops/cron in format 2; v2 unused latest... */
    @BeforeEach
    void setUp() {
        cli = new CliSandbox(sandbox);
        cli.ok("configure", "local", "--tier", "prod", "--item-format", "1");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("data", "bag", "create", "local", "web");
        cli.ok("data", "bag", "from", "file", "local", "web", cli.write("db.json", "{\"id\": \"db\", \"p\": \"1\"}").toString(),
                cli.write("api.json", "{\"id\": \"api\", \"t\": \"2\"}").toString(), "--secret-file", "app");
        cli.ok("configure", "local", "--item-format", "2");
        cli.ok("encryption", "increment", "local", "app");
        cli.ok("data", "bag", "create", "local", "ops");
        cli.ok("data", "bag", "from", "file", "local", "ops", cli.write("cron.json", "{\"id\": \"cron\", \"k\": \"3\"}")
                .toString(), "--secret-file", "app");
    }

    private JsonObject auditJson(String... more) {
        String[] args = Stream.concat(Stream.of("audit", "local", "--format", "json"), Stream.of(more)).toArray(String[]::new);
        CliRun result = cli.run(args);
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        return JsonParser.parseString(result.out()).getAsJsonObject();
    }

    @Test
    void audit_countsBagsItemsVersionsAndFormats() {
        JsonObject tier = auditJson().getAsJsonArray("tiers").get(0).getAsJsonObject();

        assertThat(tier.get("bags").getAsInt()).isEqualTo(2);
        assertThat(tier.get("items").getAsInt()).isEqualTo(3);
        assertThat(tier.getAsJsonObject("item_formats").get("1").getAsInt()).isEqualTo(2);
        assertThat(tier.getAsJsonObject("item_formats").get("2").getAsInt()).isEqualTo(1);
        JsonObject key = tier.getAsJsonArray("keys").get(0).getAsJsonObject();
        assertThat(key.get("name").getAsString()).isEqualTo("app");
        assertThat(key.get("latest_version").getAsInt()).isEqualTo(1);
        assertThat(key.getAsJsonArray("versions").get(0).getAsJsonObject().get("items").getAsInt()).isEqualTo(2);
        assertThat(key.getAsJsonArray("versions").get(1).getAsJsonObject().get("items").getAsInt()).isEqualTo(1);
        assertThat(key.getAsJsonArray("versions").get(1).getAsJsonObject().get("has_tier").getAsBoolean()).isTrue();
    }

    @Test
    void audit_findsOldVersionItems_format1Items_andMinItemFormat1_eachWithAFixThatRuns() {
        CliRun result = cli.run("audit", "local");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("finding items-not-on-latest-version in local: 2 items sealed with app v0")
                .contains("fix: re-seal them with 'messer bulk re-encrypt local --profile local'")
                .contains("finding format-1-items in local: 2 items in the unbound item format 1")
                .contains("finding min-item-format-1 in local");

        cli.ok("bulk", "re-encrypt", "local");
        CliRun after = cli.run("audit", "local");
        assertThat(after.out()).doesNotContain("items-not-on-latest-version").doesNotContain("format-1-items")
                .contains("finding unused-key-version in local: app v0 seals no current item")
                .contains("'messer encryption delete local app 0 --profile local'");
    }

    @Test
    void audit_withNoFindings_exits0() {
        cli.ok("bulk", "re-encrypt", "local");
        cli.ok("configure", "local", "--min-item-format", "2");
        cli.ok("encryption", "delete", "local", "app", "0", "--no-prompt", "--drop-history");

        CliRun result = cli.run("audit", "local");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).contains("audit: 0 findings in 1 profile.");
    }

    @Test
    void everyCount_inTheTextAndTheHtml_takesItsNounInTheRightNumber() throws IOException {
        cli.ok("bulk", "re-encrypt", "local");
        cli.ok("configure", "local", "--min-item-format", "2");
        cli.ok("data", "bag", "delete", "local", "web", "--recursive", "--no-prompt");
        Files.setLastModifiedTime(keyFile("app/0"), FileTime.from(Instant.now().minus(Duration.ofHours(30))));
        Path v1 = keyFile("app/1");
        Path meta = v1.resolveSibling(v1.getFileName() + "#meta");
        Files.write(meta, Files.readAllLines(meta).stream().filter(line -> !line.startsWith("messer-created=")).toList());
        Files.setLastModifiedTime(v1, FileTime.from(Instant.now().minus(Duration.ofHours(30))));

        CliRun text = cli.run("audit", "local", "--max-key-age", "1");

        assertThat(text.exit()).as(text.toString()).isEqualTo(1);
        assertThat(text.out()).contains("): 1 bag, 1 item (format 1: 0, format 2: 1), 0 unreadable")
                .contains("app v1 (latest): 1 item, created ").contains("(1 day, from LastModified)")
                .contains("app v1 was created 1 day ago");
        assertThat(text.err()).contains("audit: 2 findings in 1 profile.");
        String html = cli.run("audit", "local", "--max-key-age", "1", "--format", "html").out();
        assertThat(html).contains("key versions older than 1 day are findings").contains(">2 findings<")
                .contains("app v1: 1 item (latest)").contains("app v1: 1 day").contains("format 2: 1 item")
                .contains("--max-key-age 1 day");
        assertThat(text.out() + text.err() + html).doesNotContainPattern("\\b1 (findings|bags|items|days|profiles)\\b");

        cli.ok("encryption", "delete", "local", "app", "0", "--no-prompt", "--drop-history");
        CliRun one = cli.run("audit", "local", "--max-key-age", "1");
        assertThat(one.err()).contains("audit: 1 finding in 1 profile.");
        assertThat(cli.run("audit", "local", "--max-key-age", "1", "--format", "html").out()).contains(">1 finding<");
    }

    @Test
    void keyVersionOlderThanTheLimit_isAFinding_ageFromLastModified() throws IOException {
        Path v1 = keyFile("app/1");
        JsonObject recorded = auditJson().getAsJsonArray("tiers").get(0).getAsJsonObject().getAsJsonArray("keys")
                .get(0).getAsJsonObject().getAsJsonArray("versions").get(1).getAsJsonObject();
        assertThat(recorded.get("created_from").getAsString()).isEqualTo("metadata");
        // a version as Messer, or messer before it recorded creation times, wrote it: no messer-created
        Path meta = v1.resolveSibling(v1.getFileName() + "#meta");
        Files.write(meta, Files.readAllLines(meta).stream().filter(line -> !line.startsWith("messer-created=")).toList());
        Files.setLastModifiedTime(v1, FileTime.from(Instant.now().minus(Duration.ofDays(40))));

        JsonObject report = auditJson("--max-key-age", "30");

        assertThat(report.getAsJsonArray("findings").asList()).filteredOn(f -> f.getAsJsonObject().get("kind")
                .getAsString().equals("key-version-too-old")).singleElement().satisfies(f -> {
            assertThat(f.getAsJsonObject().get("kind").getAsString()).isEqualTo("key-version-too-old");
            assertThat(f.getAsJsonObject().get("detail").getAsString()).contains("app v1 was created 40 days ago");
            assertThat(f.getAsJsonObject().get("fix").getAsString()).contains("'messer encryption increment local app --profile local'");
        });
        JsonObject v1Json = report.getAsJsonArray("tiers").get(0).getAsJsonObject().getAsJsonArray("keys").get(0)
                .getAsJsonObject().getAsJsonArray("versions").get(1).getAsJsonObject();
        assertThat(v1Json.get("created_from").getAsString()).isEqualTo("last_modified");
        assertThat(v1Json.get("age_days").getAsInt()).isEqualTo(40);
        assertThat(cli.run("audit", "local", "--format", "json", "--max-key-age", "50").out())
                .doesNotContain("key-version-too-old");
    }

    @Test
    void audit_callsNoMasterKey_itRunsWithTheMasterKeyFileGone() throws IOException {
        try (Stream<Path> files = Files.list(cli.localRoot().resolve("master-keys"))) {
            for (Path file : files.toList()) {
                Files.move(file, sandbox.resolve(file.getFileName()));
            }
        }
        assertThat(cli.run("data", "bag", "show", "local", "web", "db", "--decrypt").exit()).isEqualTo(1);

        CliRun result = cli.run("audit", "local");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("3 items");
    }

    @Test
    void htmlReport_toAFile_isMode0600_andSelfContained() throws IOException {
        Path out = sandbox.resolve("audit.html");

        CliRun result = cli.run("audit", "local", "--format", "html", "-o", out.toString());

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(Files.getPosixFilePermissions(out)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        String html = Files.readString(out);
        assertThat(html).contains("content=\"default-src 'none'; style-src 'sha256-")
                .doesNotContain("<script").doesNotContain("http://").doesNotContain("https://").doesNotContain("src=");
        assertThat(html).contains("data-chart=\"items-per-version\"").contains("data-chart=\"key-ages\"")
                .contains("data-chart=\"item-formats\"");
    }

    @Test
    void usageErrors_exit2() {
        assertThat(cli.run("audit", "local", "--format", "xml").exit()).isEqualTo(2);
        assertThat(cli.run("audit", "local", "--max-key-age", "0").exit()).isEqualTo(2);
        assertThat(cli.run("audit", "local", "--profiles", "a,a").exit()).isEqualTo(2);
        assertThat(cli.run("audit", "local", "--profiles", "a", "--profile", "b").exit()).isEqualTo(2);
        assertThat(cli.run("audit", "nowhere").exit()).isEqualTo(2);
    }

    private Path keyFile(String name) throws IOException {
        try (Stream<Path> files = Files.walk(cli.localRoot())) {
            return files.filter(p -> p.toString().endsWith("/keys/" + name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no key file " + name + " under " + cli.localRoot()));
        }
    }
}
