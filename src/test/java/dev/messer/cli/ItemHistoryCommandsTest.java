package dev.messer.cli;

import static dev.messer.cli.CliSandbox.expectOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history, show --at, rollback, diff, set, unset and delete --purge on the local provider, driven as a user would. */
class ItemHistoryCommandsTest {

    private static final String MARKER = "marker-secret-7f3c9a";

    @TempDir
    Path home;
    private CliSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(home).withBag();
        sandbox.upload("{\"id\":\"db\",\"user\":\"app\",\"password\":\"one\"}");
        sandbox.upload("{\"id\":\"db\",\"user\":\"app\",\"password\":\"two\"}");
    }

    private JsonArray historyJson() {
        CliRun run = sandbox.run("data", "bag", "history", "local", "app", "db", "--format", "json");
        expectOk(run);
        return JsonParser.parseString(run.out()).getAsJsonArray();
    }

    private String field(String... extra) {
        List<String> args = new ArrayList<>(List.of("data", "bag", "show", "local", "app", "db", "--decrypt"));
        args.addAll(List.of(extra));
        CliRun run = sandbox.run(args.toArray(String[]::new));
        expectOk(run);
        return run.out();
    }

    @Test
    void history_json_listsEveryVersionNewestFirst_withTheNamedFields_andNoValue() {
        JsonArray history = historyJson();

        assertThat(history).hasSize(2);
        JsonObject newest = history.get(0).getAsJsonObject();
        assertThat(newest.get("version").getAsString()).isEqualTo("2");
        assertThat(newest.get("time").getAsString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(newest.get("writer").getAsString()).isEqualTo(System.getProperty("user.name") + "@"
                + newest.get("writer").getAsString().split("@", 2)[1]);
        assertThat(newest.get("key_name").getAsString()).isEqualTo("app");
        assertThat(newest.get("key_version").getAsInt()).isZero();
        assertThat(newest.get("item_format").getAsInt()).isEqualTo(2);
        assertThat(newest.get("deleted").getAsBoolean()).isFalse();
        assertThat(history.get(1).getAsJsonObject().get("version").getAsString()).isEqualTo("1");
        assertThat(history.toString()).doesNotContain("one").doesNotContain("\"two\"");
    }

    @Test
    void history_table_hasAHeaderAndOneLinePerVersion() {
        CliRun run = sandbox.run("data", "bag", "history", "local", "app", "db");
        expectOk(run);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("VERSION").contains("TIME", "WRITER", "KEY", "FORMAT", "SIZE");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("2 ").contains("app v0");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void history_ofADeletedItem_staysListable_withTheDeletionOnTop() {
        expectOk(sandbox.run("data", "bag", "delete", "local", "app", "db"));

        JsonArray history = historyJson();

        assertThat(history).hasSize(3);
        assertThat(history.get(0).getAsJsonObject().get("deleted").getAsBoolean()).isTrue();
        assertThat(sandbox.run("data", "bag", "show", "local", "app").out()).doesNotContain("db");
    }

    @Test
    void history_ofAnItemThatNeverExisted_exit1_oneLine() {
        CliRun run = sandbox.run("data", "bag", "history", "local", "app", "nothing");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("messer: item nothing has no history").doesNotContain("\n");
    }

    @Test
    void history_withLocalVersionsZero_showsTheCurrentVersionAndAHint() {
        sandbox.env.put("MESSER_LOCAL_VERSIONS", "0");
        CliRun run = sandbox.run("data", "bag", "history", "local", "app", "db");
        expectOk(run);
        assertThat(run.err()).contains("keeps no old versions").contains("local_versions");
    }

    @Test
    void localStore_keepsOnlyLocalVersions_andNoListingShowsThem() throws IOException {
        sandbox.env.put("MESSER_LOCAL_VERSIONS", "3");
        for (int i = 3; i <= 6; i++) {
            sandbox.upload("{\"id\":\"db\",\"password\":\"v" + i + "\"}");
        }
        assertThat(historyJson()).extracting(e -> e.getAsJsonObject().get("version").getAsString())
                .containsExactly("6", "5", "4");
        CliRun items = sandbox.run("data", "bag", "show", "local", "app");
        assertThat(items.out().lines()).containsExactly("db");
        try (Stream<Path> files = Files.walk(home)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("db#v")))
                    .containsExactlyInAnyOrder("db#v4", "db#v4#meta", "db#v5", "db#v5#meta", "db#v6", "db#v6#meta");
        }
    }

    @Test
    void showAt_decryptsAnOldVersion() {
        assertThat(field("--at", "1", "--field", "password")).isEqualTo("one\n");
        assertThat(field("--field", "password")).isEqualTo("two\n");
    }

    @Test
    void previousAndTildeN_countBackFromTheLatest_whileBareNumbersStayVersionNumbers() {
        sandbox.upload("{\"id\":\"db\",\"user\":\"app\",\"password\":\"three\"}");
        assertThat(field("--at", "previous", "--field", "password")).isEqualTo("two\n");
        assertThat(field("--at", "~2", "--field", "password")).isEqualTo("one\n");
        assertThat(field("--at", "1", "--field", "password")).as("a bare number is version 1").isEqualTo("one\n");
        assertThat(sandbox.run("data", "bag", "diff", "local", "app", "db", "previous", "~0").out().lines())
                .containsExactly("~ password");
        CliRun rollback = sandbox.run("data", "bag", "rollback", "local", "app", "db", "~2");
        assertThat(rollback.exit()).as(rollback.toString()).isZero();
        assertThat(rollback.err()).contains("back to version 1,");
        assertThat(field("--field", "password")).isEqualTo("one\n");
        CliRun tooFar = sandbox.run("data", "bag", "show", "local", "app", "db", "--decrypt", "--at", "~9");
        assertThat(tooFar.exit()).isEqualTo(1);
        assertThat(tooFar.err()).contains("has 4 version(s)");
    }

    @Test
    void showAt_anUnknownVersion_exit1_namesTheHistoryCommand() {
        CliRun run = sandbox.run("data", "bag", "show", "local", "app", "db", "--decrypt", "--at", "99");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("has no version '99'").contains("data bag history");
    }

    @Test
    void showAt_withoutDecrypt_isAUsageError() {
        assertThat(sandbox.run("data", "bag", "show", "local", "app", "db", "--at", "1").exit()).isEqualTo(2);
    }

    @Test
    void showAt_aVersionCopiedToAnotherItemsPath_failsItsIntegrityCheck() throws IOException {
        sandbox.upload("{\"id\":\"web\",\"password\":\"w\"}");
        sandbox.upload("{\"id\":\"web\",\"password\":\"w2\"}");
        Path bag = bagFolder();
        Files.copy(bag.resolve("db#v1"), bag.resolve("web#v1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        CliRun run = sandbox.run("data", "bag", "show", "local", "app", "web", "--decrypt", "--at", "1");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("one");
    }

    private Path bagFolder() throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            return files.filter(p -> p.getFileName().toString().equals("db")).findFirst().orElseThrow().getParent();
        }
    }

    @Test
    void rollback_storesTheOldContentAsANewVersion_andCanItselfBeUndone() {
        expectOk(sandbox.run("data", "bag", "rollback", "local", "app", "db", "1"));
        assertThat(field("--field", "password")).isEqualTo("one\n");
        assertThat(historyJson()).hasSize(3);

        expectOk(sandbox.run("data", "bag", "rollback", "local", "app", "db", "2"));

        assertThat(field("--field", "password")).isEqualTo("two\n");
        assertThat(historyJson()).extracting(e -> e.getAsJsonObject().get("version").getAsString())
                .containsExactly("4", "3", "2", "1");
    }

    @Test
    void rollback_usesTheLatestVersionOfTheKey() {
        expectOk(sandbox.run("encryption", "increment", "local", "app"));
        expectOk(sandbox.run("data", "bag", "rollback", "local", "app", "db", "1"));
        assertThat(historyJson().get(0).getAsJsonObject().get("key_version").getAsInt()).isEqualTo(1);
    }

    @Test
    void rollback_ofADeletedItem_restoresIt() {
        expectOk(sandbox.run("data", "bag", "delete", "local", "app", "db"));
        expectOk(sandbox.run("data", "bag", "rollback", "local", "app", "db", "2"));
        assertThat(field("--field", "password")).isEqualTo("two\n");
        assertThat(sandbox.run("data", "bag", "show", "local", "app").out().lines()).containsExactly("db");
    }

    @Test
    void rollback_toADeletion_exit1_saysToPickAnother() {
        expectOk(sandbox.run("data", "bag", "delete", "local", "app", "db"));
        CliRun run = sandbox.run("data", "bag", "rollback", "local", "app", "db", "3");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("is a deletion");
    }

    @Test
    void diff_latestAgainstPrevious_marksTheChangedField_withoutValues_exit1() {
        sandbox.upload("{\"id\":\"db\",\"password\":\"" + MARKER + "\",\"db\":{\"host\":\"h\"}}");

        CliRun run = sandbox.run("data", "bag", "diff", "local", "app", "db");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly("+ db/host", "~ password", "- user");
        assertThat(run.out() + run.err()).doesNotContain(MARKER).doesNotContain("two");
    }

    @Test
    void diff_reveal_showsOnlyTheChangedValues() {
        sandbox.upload("{\"id\":\"db\",\"password\":\"" + MARKER + "\",\"added\":\"" + MARKER + "-added\"}");

        CliRun run = sandbox.run("data", "bag", "diff", "local", "app", "db", "--reveal");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly("+ added", "~ password: \"two\" -> \"" + MARKER + "\"", "- user");
        assertThat(run.out()).doesNotContain(MARKER + "-added");
    }

    @Test
    void diff_ofTwoEqualVersions_exit0_andPrintsNothing() {
        sandbox.upload("{\"id\":\"db\",\"user\":\"app\",\"password\":\"one\"}");
        CliRun run = sandbox.run("data", "bag", "diff", "local", "app", "db", "1", "3");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(sandbox.run("data", "bag", "diff", "local", "app", "db", "1").exit()).isZero();
        assertThat(sandbox.run("data", "bag", "diff", "local", "app", "db", "2").exit()).isEqualTo(1);
    }

    @Test
    void diff_file_comparesAnUploadAgainstTheLatest() throws IOException {
        Path file = home.resolve("db.json");
        Files.writeString(file, "{\"id\":\"db\",\"user\":\"app\",\"password\":\"two\",\"port\":5432}");
        CliRun run = sandbox.run("data", "bag", "diff", "local", "app", "db", "--file", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly("+ port");
    }

    @Test
    void diff_errors_exit2_likeDiff() {
        assertThat(sandbox.run("data", "bag", "diff", "local", "app", "nothing").exit()).isEqualTo(2);
        assertThat(sandbox.run("data", "bag", "diff", "local", "app", "db", "99").exit()).isEqualTo(2);
        assertThat(sandbox.run("data", "bag", "diff", "local", "app", "db", "1", "--file", "x.json").exit())
                .isEqualTo(2);
    }

    @Test
    void set_fromStdin_dropsOneTrailingNewline_andKeepsTheOtherFields() {
        expectOk(sandbox.runWithInput("new pass\n\n", "data", "bag", "set", "local", "app", "db", "password"));
        assertThat(field("--field", "password")).isEqualTo("new pass\n\n");
        assertThat(field("--field", "user")).isEqualTo("app\n");
        assertThat(historyJson()).hasSize(3);
    }

    @Test
    void set_nestedPath_createsTheObjects_andEscapesWork() {
        expectOk(sandbox.runWithInput("s3cret", "data", "bag", "set", "local", "app", "db", "db/pass~1word"));
        CliRun run = sandbox.run("data", "bag", "show", "local", "app", "db", "--decrypt", "--format", "json");
        assertThat(JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonObject("db").get("pass/word")
                .getAsString()).isEqualTo("s3cret");
        assertThat(field("--field", "db/pass~1word")).isEqualTo("s3cret\n");
    }

    @Test
    void set_fromAValueFile() throws IOException {
        Path file = home.resolve("value.txt");
        Files.writeString(file, "from-file\n");
        expectOk(sandbox.run("data", "bag", "set", "local", "app", "db", "password", "--value-file", file.toString()));
        assertThat(field("--field", "password")).isEqualTo("from-file\n");
    }

    @Test
    void set_onATerminal_asksWithoutEcho() {
        FakeTerminal terminal = FakeTerminal.answering("typed-secret");
        CliRun run = CliRun.run(sandbox.env, new byte[0], terminal, "data", "bag", "set", "local", "app", "db", "password");
        expectOk(run);
        assertThat(terminal.prompts).containsExactly("Value for password: ");
        assertThat(field("--field", "password")).isEqualTo("typed-secret\n");
    }

    @Test
    void set_json_setsSeveralFieldsOfAnyType() {
        expectOk(sandbox.runWithInput("{\"password\":\"p\",\"db/port\":5432}", "data", "bag", "set", "local", "app", "db",
                "password", "db/port", "--json"));
        assertThat(field("--field", "db/port")).isEqualTo("5432\n");
        assertThat(field("--field", "password")).isEqualTo("p\n");
    }

    @Test
    void set_json_withAFieldTheCommandLineDoesNotName_isRefused_andNothingIsWritten() {
        CliRun run = sandbox.runWithInput("{\"password\":\"p\",\"other\":1}", "data", "bag", "set", "local", "app", "db",
                "password", "--json");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(historyJson()).hasSize(2);
    }

    @Test
    void set_severalFieldsWithoutJsonOrGenerate_isAUsageError() {
        assertThat(sandbox.runWithInput("x", "data", "bag", "set", "local", "app", "db", "a", "b").exit()).isEqualTo(2);
    }

    @Test
    void set_generate_makesRandomValuesOfTheLengthAndCharset_printedOnlyWithPrint() {
        CliRun quiet = sandbox.run("data", "bag", "set", "local", "app", "db", "password", "--generate");
        expectOk(quiet);
        assertThat(quiet.out()).isEmpty();
        assertThat(field("--field", "password")).matches("[A-Za-z0-9]{32}\n");

        CliRun printed = sandbox.run("data", "bag", "set", "local", "app", "db", "password", "--generate", "--length",
                "20", "--charset", "hex", "--print");
        expectOk(printed);
        assertThat(printed.out()).matches("[0-9a-f]{20}\n");
        assertThat(field("--field", "password")).isEqualTo(printed.out());

        CliRun two = sandbox.run("data", "bag", "set", "local", "app", "db", "a", "b", "--generate", "--print");
        assertThat(JsonParser.parseString(two.out()).getAsJsonObject().keySet()).containsExactly("a", "b");
    }

    @Test
    void set_generate_badLengthOrCharset_isAUsageError() {
        assertThat(sandbox.run("data", "bag", "set", "local", "app", "db", "p", "--generate", "--length", "0").exit())
                .isEqualTo(2);
        assertThat(sandbox.run("data", "bag", "set", "local", "app", "db", "p", "--generate", "--charset", "emoji").exit())
                .isEqualTo(2);
    }

    @Test
    void set_onAMissingItem_needsCreate_andCreateMakesIt() {
        CliRun missing = sandbox.runWithInput("v", "data", "bag", "set", "local", "app", "new", "password");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("--create");

        expectOk(sandbox.runWithInput("v", "data", "bag", "set", "local", "app", "new", "password", "--create",
                "--secret-file", "app"));
        CliRun shown = sandbox.run("data", "bag", "show", "local", "app", "new", "--decrypt", "--field", "password");
        assertThat(shown.out()).isEqualTo("v\n");
    }

    @Test
    void set_id_isRefused() {
        CliRun run = sandbox.runWithInput("other", "data", "bag", "set", "local", "app", "db", "id");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("'id' cannot be set");
    }

    @Test
    void unset_removesFields_butNeverId() {
        expectOk(sandbox.run("data", "bag", "unset", "local", "app", "db", "user"));
        CliRun shown = sandbox.run("data", "bag", "show", "local", "app", "db", "--decrypt", "--format", "json");
        assertThat(JsonParser.parseString(shown.out()).getAsJsonObject().has("user")).isFalse();

        CliRun id = sandbox.run("data", "bag", "unset", "local", "app", "db", "id");
        assertThat(id.exit()).isEqualTo(1);
        assertThat(id.err()).contains("'id' cannot be removed");

        CliRun missing = sandbox.run("data", "bag", "unset", "local", "app", "db", "nothing");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("has no field nothing");
    }

    @Test
    void deletePurge_removesTheItemAndItsHistory() throws IOException {
        expectOk(sandbox.run("data", "bag", "delete", "local", "app", "db", "--purge"));
        assertThat(sandbox.run("data", "bag", "history", "local", "app", "db").exit()).isEqualTo(1);
        try (Stream<Path> files = Files.walk(home)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("db"))).isEmpty();
        }
    }

    @Test
    void deletePurge_ofAnAlreadyDeletedItem_removesWhatWasKept() {
        expectOk(sandbox.run("data", "bag", "delete", "local", "app", "db"));
        expectOk(sandbox.run("data", "bag", "delete", "local", "app", "db", "--purge"));
        assertThat(sandbox.run("data", "bag", "history", "local", "app", "db").exit()).isEqualTo(1);
    }

    @Test
    void deletePurge_ofABag_isAUsageError() {
        assertThat(sandbox.run("data", "bag", "delete", "local", "app", "--purge").exit()).isEqualTo(2);
    }
}
