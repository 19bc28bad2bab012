package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare local --profiles dev,prod}: what one tier lacks, values equal across tiers found by
 * keyed hash and never shown, and the exit statuses 0, 1, 2 and 3.
 */
class CompareCommandTest {

    static final String HOSTILE_FIELD = "<script>document.title='pwned'</script>\u001b[2J";

    @TempDir
    Path sandbox;

    CliSandbox cli;

    @BeforeEach
    void setUp() {
        cli = new CliSandbox(sandbox);
        for (String tier : new String[] {"dev", "prod"}) {
            cli.ok("configure", "local", "--profile", tier, "--tier", tier, "-m", tier, "-k", "keys-" + tier);
            cli.ok("encryption", "create", "local", "app", "--profile", tier);
            cli.ok("data", "bag", "create", "local", "web", "--profile", tier);
        }
        upload("dev", "web", "{\"id\": \"db\", \"user\": \"admin-user\", \"password\": \"dev-secret-1\", \"tls\": {\"port\": 5432}}");
        upload("dev", "web", "{\"id\": \"api\", \"token\": \"dev-token-2\"}");
        upload("prod", "web", "{\"id\": \"db\", \"user\": \"admin-user\", \"password\": \"prod-secret-3\"}");
        cli.ok("data", "bag", "create", "local", "ops", "--profile", "dev");
        upload("dev", "ops", "{\"id\": \"cron\", \"schedule\": \"hourly-4\"}");
    }

    private void upload(String profile, String bag, String json) {
        Path file = cli.write(profile + "-" + bag + "-" + json.hashCode() + ".json", json);
        cli.ok("data", "bag", "from", "file", "local", bag, file.toString(), "--secret-file", "app", "--profile", profile,
                "--force");
    }

    private static final String[] VALUES = {"admin-user", "dev-secret-1", "prod-secret-3", "dev-token-2", "hourly-4", "5432"};

    @Test
    void theSummary_givesEachCountItsNounInTheRightNumber() {
        CliRun result = cli.run("compare", "local", "--profiles", "dev,prod");

        assertThat(result.err()).contains("compare: 1 bag, 2 items and 1 field missing somewhere; "
                + "1 field with a value equal across profiles.");
    }

    @Test
    void compare_namesWhatProdLacks_andTheEqualValue_withoutPrintingAnyValue_exit1() {
        CliRun result = cli.run("compare", "local", "--profiles", "dev,prod");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.outLines()).containsExactlyInAnyOrder(
                "missing  bag ops: in dev, not in prod",
                "missing  item ops/cron: in dev, not in prod",
                "missing  item web/api: in dev, not in prod",
                "missing  field web/db/tls/port: in dev, not in prod",
                "equal    field web/db/user: same value in dev and prod");
        for (String value : VALUES) {
            assertThat(result.out() + result.err()).doesNotContain(value);
        }
    }

    @Test
    void json_followsTheSchema_andHoldsNoValueAndNoHash() {
        CliRun result = cli.run("compare", "local", "--profiles", "dev,prod", "web", "--format", "json");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
        assertThat(json.get("schema").getAsString()).isEqualTo("messer-compare/1");
        assertThat(json.get("complete").getAsBoolean()).isTrue();
        assertThat(json.getAsJsonArray("bags")).hasSize(1);
        assertThat(json.getAsJsonObject("summary").get("equal_values").getAsInt()).isEqualTo(1);
        assertThat(json.getAsJsonObject("summary").get("missing_items").getAsInt()).isEqualTo(1);
        for (String value : VALUES) {
            assertThat(result.out()).doesNotContain(value);
        }
        assertThat(result.out()).doesNotContainPattern("[A-Za-z0-9+/]{43}=");
    }

    @Test
    void tiersThatMatchWithDifferentValues_exit0() {
        CliRun result = cli.run("compare", "local", "--profiles", "dev,prod", "web", "--format", "json");
        assertThat(result.exit()).isEqualTo(1);
        upload("prod", "web", "{\"id\": \"db\", \"user\": \"prod-user\", \"password\": \"prod-secret-3\", \"tls\": {\"port\": 6432}}");
        upload("prod", "web", "{\"id\": \"api\", \"token\": \"prod-token\"}");

        CliRun same = cli.run("compare", "local", "--profiles", "dev,prod", "web");

        assertThat(same.exit()).as(same.toString()).isZero();
        assertThat(same.out()).isEmpty();
    }

    @Test
    void aTierWhoseItemsCannotBeOpened_makesTheScanIncomplete_exit3() throws IOException {
        Path key = cli.localRoot().resolve("master-keys/prod.key");
        Files.move(key, sandbox.resolve("prod.key"));

        CliRun result = cli.run("compare", "local", "--profiles", "dev,prod");

        assertThat(result.exit()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("web/db in prod").contains("the scan was incomplete (exit status 3)");
    }

    @Test
    void usageErrors_exit2() {
        assertThat(cli.run("compare", "local").exit()).isEqualTo(2);
        assertThat(cli.run("compare", "local", "--profiles", "dev").exit()).isEqualTo(2);
        assertThat(cli.run("compare", "local", "--profiles", "dev,nosuch").exit()).isEqualTo(2);
        assertThat(cli.run("compare", "local", "--profiles", "dev,prod", "--format", "pdf").exit()).isEqualTo(2);
    }

    @Test
    void hostileFieldNames_areEscapedInEveryFormat_andNeverMarkup() throws IOException {
        upload("dev", "web", "{\"id\": \"evil\", \"" + HOSTILE_FIELD.replace("\u001b", "\\u001b") + "\": \"x\"}");
        upload("prod", "web", "{\"id\": \"evil\", \"plain\": \"y\"}");
        Path html = sandbox.resolve("compare.html");

        CliRun text = cli.run("compare", "local", "--profiles", "dev,prod");
        CliRun page = cli.run("compare", "local", "--profiles", "dev,prod", "--format", "html", "-o", html.toString());

        assertThat(text.out()).contains("web/evil/<script>document.title='pwned'<~1script>\\x1b[2J").doesNotContain("\u001b");
        assertThat(page.exit()).as(page.toString()).isEqualTo(1);
        String content = Files.readString(html);
        assertThat(content).contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;~1script&gt;\\x1b[2J")
                .doesNotContain("<script").doesNotContain("\u001b");
        try (Stream<String> lines = content.lines()) {
            assertThat(lines.filter(l -> l.contains("Content-Security-Policy"))).singleElement().asString()
                    .contains("default-src 'none'");
        }
    }
}
