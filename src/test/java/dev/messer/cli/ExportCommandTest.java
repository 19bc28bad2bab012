package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code messer export}: several items from several bags, merged, in every format. */
class ExportCommandTest {

    @TempDir
    Path home;

    CliSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(home).withBag()
                .upload(HostileValues.itemJson("hostile"))
                .upload("{\"id\":\"db\",\"db.user\":\"app\",\"password\":\"s3cr3t-Pa55\",\"db\":{\"port\":5432}}")
                .bag("web")
                .uploadTo("web", "{\"id\":\"api\",\"token\":\"t0k\",\"password\":\"other\"}");
    }

    private CliRun export(String... args) {
        List<String> all = new ArrayList<>(List.of("export", "local"));
        all.addAll(List.of(args));
        return sandbox.run(all.toArray(String[]::new));
    }

    @Test
    void itemsFromTwoBags_areMerged_inExportFormatByDefault() throws Exception {
        CliRun result = export("app/hostile", "web/api");
        assertThat(result.exit()).as(result.toString()).isZero();
        Path file = Files.writeString(home.resolve("vars.sh"), result.out());
        for (Map.Entry<String, String> field : HostileValues.all().entrySet()) {
            assertThat(OutputFormatsTest.bash("eval \"$(cat \"$1\")\"; bash -c 'printf %s \"$" + field.getKey() + "\"'",
                    file.toString())).as(field.getKey()).isEqualTo(field.getValue().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(result.out()).contains("export TOKEN='t0k'");
    }

    @Test
    void nameGivenByTwoItems_failsNamingBoth_unlessOverrideLetsTheLaterWin() {
        CliRun clash = export("app/db", "web/api");
        assertThat(clash.exit()).isEqualTo(1);
        assertThat(clash.err()).contains("item app/db").contains("item web/api").contains("PASSWORD")
                .contains("--override").hasLineCount(1);
        assertThat(clash.out()).isEmpty();
        CliRun later = export("app/db", "web/api", "--override", "--format", "env");
        assertThat(later.exit()).as(later.toString()).isZero();
        assertThat(later.out()).contains("PASSWORD='other'").doesNotContain("s3cr3t-Pa55");
    }

    @Test
    void sameItemNamedTwice_isAUsageError_sayingSo_notAFieldClash() {
        CliRun twice = export("app/db", "web/api", "app/db");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("item app/db is named twice").doesNotContain("rename");
        assertThat(twice.out()).isEmpty();
    }

    @Test
    void json_mapsEachReferenceToItsDecryptedFields_withoutMesserMetadata() {
        CliRun result = export("app/db", "web/api", "--format=json");
        assertThat(result.exit()).as(result.toString()).isZero();
        JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
        assertThat(json.keySet()).containsExactly("app/db", "web/api");
        assertThat(json.getAsJsonObject("app/db").get("password").getAsString()).isEqualTo("s3cr3t-Pa55");
        assertThat(json.getAsJsonObject("app/db").getAsJsonObject("db").get("port").getAsInt()).isEqualTo(5432);
        assertThat(json.getAsJsonObject("web/api").has("encrypted_data")).isFalse();
    }

    @Test
    void json_givesBackHostileValuesByteForByte() {
        CliRun result = export("app/hostile", "--format", "json");
        JsonObject fields = JsonParser.parseString(result.out()).getAsJsonObject().getAsJsonObject("app/hostile");
        HostileValues.all().forEach((name, value) -> assertThat(fields.get(name).getAsString()).as(name).isEqualTo(value));
    }

    @Test
    void prefix_namespacesEveryVariable_andRefusedNamesStopTheCommand() {
        sandbox.uploadTo("web", "{\"id\":\"evil\",\"path\":\"/tmp/evil\"}");
        CliRun refused = export("web/api", "web/evil", "--format", "dotenv");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("field 'path' of item web/evil").contains("PATH");
        assertThat(refused.out()).isEmpty();
        CliRun prefixed = export("web/api", "web/evil", "--prefix", "APP_", "--format", "envfile");
        assertThat(prefixed.exit()).as(prefixed.toString()).isZero();
        assertThat(prefixed.out()).isEqualTo("APP_TOKEN=t0k\nAPP_PASSWORD=other\nAPP_PATH=/tmp/evil\n");
        CliRun allowed = export("web/evil", "--allow-var", "PATH", "--format", "env");
        assertThat(allowed.out()).isEqualTo("PATH='/tmp/evil'\n");
    }

    @Test
    void prefixWithJson_isUsageError_becauseJsonHasNoVariables() {
        CliRun result = export("web/api", "--prefix", "APP_", "--format", "json");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--prefix");
    }

    @Test
    void wordsThatAreNotReferences_andBadPrefixes_areUsageErrors() {
        assertThat(export("app", "db").exit()).isEqualTo(2);
        assertThat(export("app").err()).contains("BAG/ITEM");
        assertThat(export().exit()).isEqualTo(2);
        assertThat(export("app/db", "--prefix", "1X").exit()).isEqualTo(2);
        assertThat(export("app/db", "--format", "yaml").err()).contains("'yaml'");
    }

    @Test
    void missingItem_failsWithExit1_andPrintsNothing() {
        CliRun result = export("app/db", "web/nope");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("nope").hasLineCount(1);
        assertThat(result.out()).isEmpty();
    }
}
