package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labels that anyone who may write the secrets bucket chooses (the id and key name of a stored item,
 * the key name, version and format inside its envelope, the writer of a version) never put a
 * control character on the reader's terminal, whichever command prints them.
 */
class StoredLabelsTest {

    /** Sets the window title, clears the screen, and a C1 control sequence introducer. */
    static final String HOSTILE = "x\u001b]0;OWNED\u0007\u001b[2J\u009b31m";

    @TempDir
    Path sandbox;

    CliSandbox cli;
    Path secrets;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliSandbox(sandbox);
        cli.ok("configure", "local", "--tier", "dev");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("data", "bag", "create", "local", "web");
        secrets = cli.localRoot().resolve("secrets/dev/web");
        for (String id : List.of("db", "storedid", "storedkey", "envkey", "envversion", "storedversion")) {
            Path item = cli.write(id + ".json", "{\"id\": \"" + id + "\", \"pw\": \"x\"}");
            cli.ok("data", "bag", "from", "file", "local", "web", item.toString(), "--secret-file", "app");
        }
        plant("storedid", stored -> stored.addProperty("id", HOSTILE));
        plant("storedkey", stored -> stored.addProperty("key_name", HOSTILE));
        plant("storedversion", stored -> stored.addProperty("key_version", "1" + HOSTILE));
        plant("envkey", stored -> envelope(stored, envelope -> envelope.addProperty("key_name", HOSTILE)));
        plant("envversion", stored -> envelope(stored, envelope -> envelope.addProperty("version", HOSTILE)));
        Path meta = secrets.resolve("db#v1#meta");
        Files.writeString(meta, Files.readString(meta).replaceAll("messer-writer=[^\n]*", "messer-writer=" + HOSTILE));
    }

    /** Rewrites the stored object of an item, and the kept version of it that history reads. */
    private void plant(String id, Consumer<JsonObject> change) throws IOException {
        for (Path file : List.of(secrets.resolve(id), secrets.resolve(id + "#v1"))) {
            JsonObject stored = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            change.accept(stored);
            Files.writeString(file, stored.toString());
        }
    }

    private static void envelope(JsonObject stored, Consumer<JsonObject> change) {
        JsonObject envelope = JsonParser.parseString(new String(Base64.getDecoder().decode(
                stored.get("encrypted_data").getAsString()), StandardCharsets.UTF_8)).getAsJsonObject();
        change.accept(envelope);
        stored.addProperty("encrypted_data", Base64.getEncoder().encodeToString(
                envelope.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static final List<String> PLANTED = List.of("storedid", "storedkey", "storedversion", "envkey", "envversion");

    /** No control character but newline and tab, on either stream. */
    static void assertTerminalSafe(CliRun result) {
        for (String stream : List.of(result.out(), result.err())) {
            stream.chars().filter(c -> c != '\n' && c != '\t').forEach(c -> assertThat(Character.getType(c))
                    .as("character U+%04X in%n%s", c, result).isNotEqualTo((int) Character.CONTROL));
        }
    }

    private CliRun failing(String... args) {
        CliRun result = cli.run(args);
        assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertTerminalSafe(result);
        return result;
    }

    @Test
    void showDecrypt_reportsEveryPlantedLabelEscaped() {
        for (String id : PLANTED) {
            CliRun result = failing("data", "bag", "show", "local", "web", id, "--decrypt");
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).as(id).contains("item web/" + id).contains("\\x1b");
            assertThat(failing("data", "bag", "show", "local", "web", id, "--decrypt", "--debug").err())
                    .contains("\tat dev.messer.");
        }
    }

    @Test
    void showStored_refusesBadOuterLabels_andShowAt_reportsEveryPlantedLabelEscaped() {
        for (String id : PLANTED) {
            CliRun stored = cli.run("data", "bag", "show", "local", "web", id);
            assertTerminalSafe(stored);
            assertThat(stored.exit()).as(stored.toString()).isEqualTo(id.startsWith("stored") ? 1 : 0);
            failing("data", "bag", "show", "local", "web", id, "--decrypt", "--at", "1");
        }
    }

    @Test
    void exec_export_andRender_reportEveryPlantedLabelEscaped() throws IOException {
        for (String id : PLANTED) {
            assertThat(failing("exec", "local", "web/" + id, "--", "true").err()).as(id).contains("\\x1b");
            assertThat(failing("export", "local", "web/db", "web/" + id).out()).isEmpty();
            Path template = cli.write("t-" + id + ".tmpl", "pw={{web/" + id + "/pw}}\n");
            assertThat(failing("render", "local", template.toString()).out()).isEmpty();
        }
    }

    @Test
    void bulkFailedLines_escapeThePlantedLabels() {
        cli.ok("encryption", "increment", "local", "app");
        CliRun result = failing("bulk", "re-encrypt", "local", cli.configFile().toString());

        for (String id : PLANTED) {
            assertThat(result.err()).contains("failed web/" + id + ": ");
        }
        assertThat(result.err()).contains("re-encrypt: 1 done, 0 skipped, 5 failed");
    }

    @Test
    void historyTable_andJson_escapeTheWriter_andLeaveBadLabelsOut() {
        List<String> ids = new ArrayList<>(PLANTED);
        ids.add("db");
        for (String id : ids) {
            for (String format : List.of("table", "json")) {
                CliRun result = cli.ok("data", "bag", "history", "local", "web", id, "--format", format);
                assertTerminalSafe(result);
                assertThat(result.out()).as(id).doesNotContain("OWNED\u0007");
            }
        }
        assertThat(cli.ok("data", "bag", "history", "local", "web", "db").out())
                .contains("x\\x1b]0;OWNED\\x07\\x1b[2J\\x9b31m");
    }

    @Test
    void diff_reportsThePlantedLabelsEscaped() {
        for (String id : PLANTED) {
            CliRun result = cli.run("data", "bag", "diff", "local", "web", id);
            assertThat(result.exit()).as(result.toString()).isEqualTo(2);
            assertTerminalSafe(result);
        }
    }
}
