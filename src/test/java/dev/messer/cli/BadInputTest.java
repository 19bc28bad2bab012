package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bad input of the local flow: the exact exit status, ONE line on stderr naming the thing
 * and the fix, nothing on stdout, no stack trace, and not a byte changed in the sandbox (config
 * file, local_root, item files).
 */
class BadInputTest {

    @TempDir
    Path sandbox;

    CliSandbox cli;
    Path goodItem;

    @BeforeEach
    void setUp() {
        cli = new CliSandbox(sandbox);
        cli.ok("configure", "local");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("data", "bag", "create", "local", "bag1");
        goodItem = cli.write("db.json", "{\"id\": \"db\", \"password\": \"s3cret\"}");
        cli.ok("data", "bag", "from", "file", "local", "bag1", goodItem.toString(), "--secret-file", "app");
    }

    /** Runs a command that must fail and change nothing; returns its single error line. */
    private String failsWithOneLine(int status, String... args) {
        Map<String, String> before = cli.snapshot();
        CliRun result = cli.run(args);
        assertThat(result.exit()).as(result.toString()).isEqualTo(status);
        assertThat(result.out()).as("stdout").isEmpty();
        assertThat(result.errLines()).as(result.toString()).hasSize(1);
        assertThat(result.err()).startsWith("messer: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(cli.snapshot()).as("nothing written").isEqualTo(before);
        return result.errLines().get(0);
    }

    private String upload(int status, Path itemFile) {
        return failsWithOneLine(status, "data", "bag", "from", "file", "local", "bag1", itemFile.toString(),
                "--secret-file", "app");
    }

    // ---- the item file

    @Test
    void itemFileMissing_exit1_namesFile() {
        String line = upload(1, sandbox.resolve("nope.json"));
        assertThat(line).contains("nope.json").contains("does not exist").contains("check the path");
    }

    @Test
    void itemFileUnreadable_exit1_namesFile() throws IOException {
        Path file = cli.write("locked.json", "{\"id\": \"locked\"}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        boolean permissionsStopReads = !Files.isReadable(file);
        if (!permissionsStopReads) {
            // running as root: mode 000 does not stop reads, so put a folder where the file was
            Files.delete(file);
            Files.createDirectory(file);
        }
        String line = upload(1, file);
        assertThat(line).contains("locked.json");
        if (permissionsStopReads) {
            assertThat(line).contains("is not readable").contains("check its permissions");
        } else {
            assertThat(line).contains("is a directory").contains("name a JSON file");
        }
    }

    @Test
    void itemFileBehindANonDirectory_exit1_namesFile() {
        Path throughFile = goodItem.resolve("item.json");
        String line = upload(1, throughFile);
        assertThat(line).isEqualTo("messer: cannot read item file " + throughFile + " (Not a directory); check the path");
    }

    @Test
    void itemFileNotJson_exit1() {
        String line = upload(1, cli.write("bad.json", "{\"id\": \"x\", "));
        assertThat(line).contains("bad.json").contains("is not valid JSON");
    }

    @Test
    void itemFileJsonNotAnObject_exit1_showsTheExpectedShape() {
        String line = upload(1, cli.write("array.json", "[{\"id\": \"x\"}]"));
        assertThat(line).contains("array.json").contains("must hold a JSON object").contains("{\"id\"");
    }

    @Test
    void itemIdMissing_exit1_saysHowToAddIt() {
        String line = upload(1, cli.write("noid.json", "{\"password\": \"x\"}"));
        assertThat(line).contains("noid.json").contains("has no \"id\" field").contains("add \"id\"");
    }

    @Test
    void itemIdBlank_exit1() {
        String line = upload(1, cli.write("blank.json", "{\"id\": \"  \"}"));
        assertThat(line).contains("blank.json").contains("blank \"id\"").contains("give the item a name");
    }

    @Test
    void itemIdNotAString_exit1() {
        String line = upload(1, cli.write("number.json", "{\"id\": 42}"));
        assertThat(line).contains("number.json").contains("not a string").contains("quotes");
    }

    @Test
    void itemIdNull_exit1() {
        String line = upload(1, cli.write("null.json", "{\"id\": null}"));
        assertThat(line).contains("null.json").contains("has no \"id\" field");
    }

    static Stream<String> badNames() {
        return Stream.of(".", "..", "../etc", "a/b", "a b", "tab\there", "ü", "x".repeat(129));
    }

    @ParameterizedTest
    @MethodSource("badNames")
    void itemIdOutsideTheNameRule_exit1_statesTheRule(String id) {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        Path file = cli.write("id.json", json.toString());
        String line = upload(1, file);
        assertThat(line).contains("id.json").contains("item id").contains("use 1 to 128 of A-Z a-z 0-9 _ . -");
    }

    @Test
    void itemIdOf128Characters_isAccepted() {
        Path file = cli.write("long.json", "{\"id\": \"" + "x".repeat(128) + "\"}");
        cli.ok("data", "bag", "from", "file", "local", "bag1", file.toString(), "--secret-file", "app");
        assertThat(cli.ok("data", "bag", "show", "local", "bag1").outLines()).contains("x".repeat(128));
    }

    // ---- names on the command line

    @ParameterizedTest
    @MethodSource("badNames")
    @ValueSource(strings = {"", "../bag1"})
    void bagNameOutsideTheNameRule_exit2_onEveryCommand(String bag) {
        String line = failsWithOneLine(2, "data", "bag", "create", "local", bag);
        assertThat(line).contains("bag name").contains("use 1 to 128 of A-Z a-z 0-9 _ . -");
        line = failsWithOneLine(2, "data", "bag", "from", "file", "local", bag, goodItem.toString(),
                "--secret-file", "app");
        assertThat(line).contains("bag name");
        line = failsWithOneLine(2, "data", "bag", "show", "local", bag);
        assertThat(line).contains("bag name");
        line = failsWithOneLine(2, "data", "bag", "delete", "local", bag);
        assertThat(line).contains("bag name");
    }

    @ParameterizedTest
    @MethodSource("badNames")
    @ValueSource(strings = {"../bag1/db"})
    void itemNameOutsideTheNameRule_exit2_onShowAndDelete(String item) {
        assertThat(failsWithOneLine(2, "data", "bag", "show", "local", "bag1", item, "--decrypt"))
                .contains("item id");
        assertThat(failsWithOneLine(2, "data", "bag", "delete", "local", "bag1", item)).contains("item id");
    }

    @ParameterizedTest
    @MethodSource("badNames")
    @ValueSource(strings = {"../keys"})
    void keyNameOutsideTheNameRule_exit2_onEveryCommand(String key) {
        assertThat(failsWithOneLine(2, "encryption", "create", "local", key)).contains("key name")
                .contains("use 1 to 128 of A-Z a-z 0-9 _ . -");
        assertThat(failsWithOneLine(2, "encryption", "increment", "local", key)).contains("key name");
        assertThat(failsWithOneLine(2, "encryption", "list", "local", key)).contains("key name");
        assertThat(failsWithOneLine(2, "encryption", "delete", "local", key, "--no-prompt"))
                .contains("key name");
        assertThat(failsWithOneLine(2, "data", "bag", "from", "file", "local", "bag1", goodItem.toString(),
                "--secret-file", key)).contains("key name");
    }

    // ---- what the stores hold

    @Test
    void bagDoesNotExist_exit1_saysHowToCreateIt() {
        String line = failsWithOneLine(1, "data", "bag", "from", "file", "local", "nobag", goodItem.toString(),
                "--secret-file", "app");
        assertThat(line).contains("data bag nobag").contains("does not exist")
                .contains("'messer data bag create local nobag");
        assertThat(failsWithOneLine(1, "data", "bag", "show", "local", "nobag")).contains("data bag nobag");
        assertThat(failsWithOneLine(1, "data", "bag", "show", "local", "nobag", "db", "--decrypt"))
                .contains("data bag nobag");
        assertThat(failsWithOneLine(1, "data", "bag", "delete", "local", "nobag")).contains("data bag nobag");
    }

    @Test
    void itemDoesNotExist_exit1_saysHowToList() {
        String line = failsWithOneLine(1, "data", "bag", "show", "local", "bag1", "nothere", "--decrypt");
        assertThat(line).contains("item nothere").contains("data bag bag1")
                .contains("'messer data bag show local bag1");
        assertThat(failsWithOneLine(1, "data", "bag", "delete", "local", "bag1", "nothere"))
                .contains("item nothere");
    }

    @Test
    void itemExistsWithoutForce_exit1_suggestsForce() throws IOException {
        Path changed = cli.write("db2.json", "{\"id\": \"db\", \"password\": \"other\"}");
        String line = upload(1, changed);
        assertThat(line).contains("item db already exists in data bag bag1").contains("--force");
        assertThat(cli.ok("data", "bag", "show", "local", "bag1", "db", "--decrypt").out()).contains("s3cret");
    }

    @Test
    void keyDoesNotExist_exit1() {
        String line = failsWithOneLine(1, "data", "bag", "from", "file", "local", "bag1", goodItem.toString(),
                "--secret-file", "nokey", "--force");
        assertThat(line).contains("encryption key nokey").contains("does not exist");
        assertThat(failsWithOneLine(1, "encryption", "increment", "local", "nokey")).contains("nokey");
        assertThat(failsWithOneLine(1, "encryption", "list", "local", "nokey"))
                .contains("encryption key nokey does not exist").contains("messer encryption create");
        assertThat(failsWithOneLine(1, "encryption", "delete", "local", "nokey", "--no-prompt"))
                .contains("nokey");
    }

    @Test
    void keyVersionDoesNotExist_exit1_saysHowToList() {
        String line = failsWithOneLine(1, "data", "bag", "from", "file", "local", "bag1", goodItem.toString(),
                "--secret-file", "app", "-v", "7", "--force");
        assertThat(line).contains("encryption key app v7 does not exist").contains("messer encryption list");
        assertThat(failsWithOneLine(1, "encryption", "delete", "local", "app", "7", "--no-prompt"))
                .contains("app v7").contains("messer encryption list local app");
    }

    @Test
    void keyVersionNotANumber_exit2() {
        assertThat(failsWithOneLine(2, "data", "bag", "from", "file", "local", "bag1", goodItem.toString(),
                "--secret-file", "app", "-v", "first", "--force")).contains("key version 'first'");
        assertThat(failsWithOneLine(2, "data", "bag", "from", "file", "local", "bag1", goodItem.toString(),
                "--secret-file", "app", "-v", "-1", "--force")).contains("key version '-1'");
        assertThat(failsWithOneLine(2, "encryption", "delete", "local", "app", "v0", "--no-prompt"))
                .contains("key version 'v0'");
    }

    @Test
    void createExistingKey_exit1() {
        assertThat(failsWithOneLine(1, "encryption", "create", "local", "app"))
                .contains("encryption key app already exists");
    }

    @Test
    void deleteNonEmptyBag_exit1_namesItsItems() {
        assertThat(failsWithOneLine(1, "data", "bag", "delete", "local", "bag1"))
                .contains("data bag bag1 is not empty (db)").contains("delete its items first");
    }

    // ---- tampered stored items

    private Path storedItem() {
        return cli.localRoot().resolve("secrets/dev/bag1/db");
    }

    private static JsonObject envelopeOf(JsonObject stored) {
        byte[] decoded = Base64.getDecoder().decode(stored.get("encrypted_data").getAsString());
        return JsonParser.parseString(new String(decoded, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static void putEnvelope(JsonObject stored, JsonObject envelope) {
        stored.addProperty("encrypted_data",
                Base64.getEncoder().encodeToString(envelope.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private JsonObject readStored() throws IOException {
        return JsonParser.parseString(Files.readString(storedItem())).getAsJsonObject();
    }

    @Test
    void tamperedCiphertext_exit1_integrityError() throws IOException {
        JsonObject stored = readStored();
        JsonObject envelope = envelopeOf(stored);
        byte[] ciphertext = Base64.getDecoder().decode(envelope.get("encrypted_secret").getAsString());
        ciphertext[0] ^= 0x01;
        envelope.addProperty("encrypted_secret", Base64.getEncoder().encodeToString(ciphertext));
        putEnvelope(stored, envelope);
        Files.writeString(storedItem(), stored.toString());

        String line = failsWithOneLine(1, "data", "bag", "show", "local", "bag1", "db", "--decrypt");
        assertThat(line).contains("bag1").contains("db").contains("failed its integrity check");
    }

    @Test
    void relabelledKeyVersion_exit1_integrityError() throws IOException {
        cli.ok("encryption", "increment", "local", "app");
        JsonObject stored = readStored();
        stored.addProperty("key_version", 1);
        Files.writeString(storedItem(), stored.toString());

        String line = failsWithOneLine(1, "data", "bag", "show", "local", "bag1", "db", "--decrypt");
        assertThat(line).contains("db").contains("relabelled");
    }

    @Test
    void relabelledKeyVersionInsideTheEnvelopeToo_exit1_integrityError() throws IOException {
        cli.ok("encryption", "increment", "local", "app");
        JsonObject stored = readStored();
        stored.addProperty("key_version", 1);
        JsonObject envelope = envelopeOf(stored);
        envelope.addProperty("key_version", 1);
        putEnvelope(stored, envelope);
        Files.writeString(storedItem(), stored.toString());

        String line = failsWithOneLine(1, "data", "bag", "show", "local", "bag1", "db", "--decrypt");
        assertThat(line).contains("db").contains("failed its integrity check");
    }

    @Test
    void itemCopiedToAnotherPath_exit1_integrityError() throws IOException {
        cli.ok("data", "bag", "create", "local", "bag2");
        JsonObject stored = readStored();
        Files.writeString(cli.localRoot().resolve("secrets/dev/bag2/db"), stored.toString());

        String line = failsWithOneLine(1, "data", "bag", "show", "local", "bag2", "db", "--decrypt");
        assertThat(line).contains("bag2").contains("failed its integrity check");
    }

    // ---- configuration

    @Test
    void unknownProfile_exit2_listsTheProfiles() {
        String line = failsWithOneLine(2, "data", "bag", "show", "local", "--profile", "nosuch");
        assertThat(line).contains("profile 'nosuch' is not defined").contains("profiles: local")
                .contains("add [profile nosuch]");
    }

    @Test
    void unknownProfileFromEnvironment_exit2() {
        cli.env.put("MESSER_PROFILE", "fromenv");
        assertThat(failsWithOneLine(2, "encryption", "list", "local")).contains("profile 'fromenv'");
    }

    @Test
    void unreadableConfig_exit2_namesTheFile() throws IOException {
        Path config = cli.configFile();
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("---------"));
        boolean permissionsStopReads = !Files.isReadable(config);
        if (!permissionsStopReads) {
            // running as root: mode 000 does not stop reads, so put a folder where the file was
            Files.delete(config);
            Files.createDirectory(config);
        }
        String line = failsWithOneLine(2, "data", "bag", "show", "local");
        assertThat(line).contains(config.toString());
        if (permissionsStopReads) {
            assertThat(line).contains("cannot read config file").contains("check its permissions");
        } else {
            assertThat(line).contains("is a directory").contains("pass an ini file with -c");
        }
    }

    @Test
    void configNamedWithDashCMissing_exit2_andNotCreated() {
        Path missing = sandbox.resolve("missing.ini");
        String line = failsWithOneLine(2, "data", "bag", "show", "local", "-c", missing.toString());
        assertThat(line).contains(missing.toString()).contains("does not exist").contains("messer configure");
        assertThat(missing).doesNotExist();
    }

    @Test
    void configBehindANonDirectory_exit2() {
        Path through = goodItem.resolve("messer.ini");
        String line = failsWithOneLine(2, "data", "bag", "show", "local", "-c", through.toString());
        assertThat(line).contains(through.toString());
    }

    @Test
    void configNotAnIniFile_exit2() {
        Path notIni = cli.write("not.ini", "this is [not an ini\n= = =\n");
        String line = failsWithOneLine(2, "data", "bag", "show", "local", "-c", notIni.toString());
        assertThat(line).contains("not.ini").contains("is not a valid ini file");
    }

    @Test
    void invalidItemFormat_exit2_namesTheSource() throws IOException {
        Files.writeString(cli.configFile(), Files.readString(cli.configFile())
                .replace("master_key = default", "master_key = default\nitem_format = 3"));
        String line = failsWithOneLine(2, "data", "bag", "show", "local");
        assertThat(line).contains("item_format is '3'").contains("[profile local]").contains("1 or 2");
    }
}
