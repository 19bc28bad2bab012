package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.files.RequiredSwitch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data bag show --decrypt --format/--field}: every format read back by a real reader. */
class OutputFormatsTest {

    @TempDir
    Path home;

    CliSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(home).withBag().upload(HostileValues.itemJson("hostile"));
    }

    private String show(String... options) {
        List<String> args = new ArrayList<>(List.of("data", "bag", "show", "local", "app", "hostile", "--decrypt"));
        args.addAll(List.of(options));
        CliRun result = sandbox.run(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.toString()).isZero();
        return result.out();
    }

    @Test
    void export_evaluatedByBash_givesBackEveryValueByteForByte() throws Exception {
        Path exported = Files.writeString(home.resolve("exported.sh"), show("--format", "export"));
        for (Map.Entry<String, String> field : HostileValues.all().entrySet()) {
            String script = "eval \"$(cat \"$1\")\"; printf %s \"$" + field.getKey() + "\"";
            assertThat(bash(script, exported.toString())).as(field.getKey()).isEqualTo(utf8(field.getValue()));
        }
    }

    @Test
    void export_exportsToChildProcesses() throws Exception {
        Path exported = Files.writeString(home.resolve("exported.sh"), show("--format", "export"));
        String script = "eval \"$(cat \"$1\")\"; bash -c 'printf %s \"$UNICODE\"'";
        assertThat(bash(script, exported.toString())).isEqualTo(utf8(HostileValues.all().get("UNICODE")));
    }

    @Test
    void env_sourcedByBashWithAllexport_givesBackEveryValue() throws Exception {
        String text = show("--format", "env");
        assertThat(text).doesNotContain("export ");
        Path env = Files.writeString(home.resolve("app.env"), text);
        for (Map.Entry<String, String> field : HostileValues.all().entrySet()) {
            String script = "set -a; . \"$1\"; set +a; bash -c 'printf %s \"$" + field.getKey() + "\"'";
            assertThat(bash(script, env.toString())).as(field.getKey()).isEqualTo(utf8(field.getValue()));
        }
    }

    /** Makes the test of dotenv against python-dotenv fail, rather than skip, without python3 and python-dotenv. */
    static final String PYTHON_DOTENV = "MESSER_REQUIRE_PYTHON_DOTENV";

    /** The hostile values that dotenv can carry: not those with a line break or '${'. */
    private static Map<String, String> dotenvSafe() {
        Map<String, String> values = new java.util.LinkedHashMap<>(HostileValues.all());
        values.remove("NEWLINES");
        values.remove("DOLLAR");
        values.put("DOLLAR_PLAIN", "$HOME $(id) `id` $$");
        return values;
    }

    @Test
    void dotenv_readByPythonDotenv_givesBackEveryValueItCarries() throws Exception {
        JsonObject item = new JsonObject();
        item.addProperty("id", "safe");
        dotenvSafe().forEach(item::addProperty);
        sandbox.upload(item.toString());
        CliRun shown = sandbox.run("data", "bag", "show", "local", "app", "safe", "--format", "dotenv");
        assertThat(shown.exit()).as(shown.toString()).isZero();
        Path dotenv = Files.writeString(home.resolve(".env"), shown.out());
        Process python;
        try {
            python = new ProcessBuilder("python3", "-c", "import json, sys\nfrom dotenv import dotenv_values\n"
                    + "sys.stdout.write(json.dumps(dotenv_values(sys.argv[1])))", dotenv.toString())
                    .redirectError(home.resolve("python.err").toFile()).start();
        } catch (IOException e) {
            throw RequiredSwitch.skipped(PYTHON_DOTENV, "python3 is not installed: the dotenv reference reader cannot run");
        }
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        python.waitFor(60, TimeUnit.SECONDS);
        String errors = Files.readString(home.resolve("python.err"));
        if (errors.contains("No module named 'dotenv'")) {
            throw RequiredSwitch.skipped(PYTHON_DOTENV,
                    "python-dotenv is not installed (pip install python-dotenv): the dotenv reference reader cannot run");
        }
        assertThat(python.exitValue()).as(errors).isZero();
        assertThat(errors).as("python-dotenv warnings").isEmpty();
        JsonObject parsed = JsonParser.parseString(output).getAsJsonObject();
        for (Map.Entry<String, String> field : dotenvSafe().entrySet()) {
            assertThat(parsed.get(field.getKey()).getAsString()).as(field.getKey()).isEqualTo(field.getValue());
        }
        assertThat(parsed.keySet()).containsExactlyElementsOf(dotenvSafe().keySet());
    }

    @Test
    void dotenv_refusesLineBreaksAndDollarBrace_namingTheField_andPrintsNothing() {
        CliRun result = sandbox.run("data", "bag", "show", "local", "app", "hostile", "--decrypt", "--format", "dotenv");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("field 'NEWLINES' of item app/hostile").contains("--format export")
                .contains("--format json").hasLineCount(1);
        assertThat(result.out()).isEmpty();
        sandbox.upload("{\"id\":\"dollar\",\"pw\":\"a${HOME}b\"}");
        CliRun dollar = sandbox.run("data", "bag", "show", "local", "app", "dollar", "--format", "dotenv");
        assertThat(dollar.exit()).isEqualTo(1);
        assertThat(dollar.err()).contains("field 'pw' of item app/dollar").contains("${");
    }

    @Test
    void envfile_writesValuesUnquotedAsDockerReadsThem_andRefusesLineBreaks() {
        sandbox.upload("{\"id\":\"plain\",\"pw\":\"it's \\\"q\\\" $HOME ${X} #x\",\"empty\":\"\"}");
        CliRun plain = sandbox.run("data", "bag", "show", "local", "app", "plain", "--format", "envfile");
        assertThat(plain.exit()).as(plain.toString()).isZero();
        assertThat(plain.out()).isEqualTo("PW=it's \"q\" $HOME ${X} #x\nEMPTY=\n");
        CliRun hostile = sandbox.run("data", "bag", "show", "local", "app", "hostile", "--format", "envfile");
        assertThat(hostile.exit()).isEqualTo(1);
        assertThat(hostile.err()).contains("field 'NEWLINES'").contains("line break");
        assertThat(hostile.out()).isEmpty();
    }

    @Test
    void dotenv_refusesValueEndingWithBackslash_whichExportCarries() throws Exception {
        sandbox.upload("{\"id\":\"trailing\",\"dir\":\"C:\\\\dir\\\\\"}");
        CliRun dotenv = sandbox.run("data", "bag", "show", "local", "app", "trailing", "--decrypt",
                "--format", "dotenv");
        assertThat(dotenv.exit()).isEqualTo(1);
        assertThat(dotenv.err()).contains("DIR").contains("backslash").contains("export");
        assertThat(dotenv.out()).isEmpty();
        CliRun export = sandbox.run("data", "bag", "show", "local", "app", "trailing", "--decrypt",
                "--format", "export");
        Path exported = Files.writeString(home.resolve("trailing.sh"), export.out());
        assertThat(bash("eval \"$(cat \"$1\")\"; printf %s \"$DIR\"", exported.toString()))
                .isEqualTo(utf8("C:\\dir\\"));
    }

    @Test
    void properties_loadedByJavaProperties_fromReaderAndFromLatin1Stream_givesBackEveryValue() throws Exception {
        String text = show("--format", "properties");
        Properties fromReader = new Properties();
        fromReader.load(new StringReader(text));
        Properties fromStream = new Properties();
        fromStream.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(text.chars().allMatch(c -> c < 0x80)).as("properties output is plain ASCII").isTrue();
        for (Map.Entry<String, String> field : HostileValues.all().entrySet()) {
            assertThat(fromReader.getProperty(field.getKey())).as(field.getKey()).isEqualTo(field.getValue());
            assertThat(fromStream.getProperty(field.getKey())).as(field.getKey()).isEqualTo(field.getValue());
        }
        assertThat(fromReader).doesNotContainKey("id");
    }

    @Test
    void properties_keepFieldNamesAsWritten_evenWithSeparatorCharacters() throws Exception {
        sandbox.upload("{\"id\":\"odd\",\"db.url\":\"jdbc:x\",\"a key=with:stuff\":\"v\"}");
        CliRun result = sandbox.run("data", "bag", "show", "local", "app", "odd", "--decrypt",
                "--format", "properties");
        Properties loaded = new Properties();
        loaded.load(new StringReader(result.out()));
        assertThat(loaded).containsEntry("db.url", "jdbc:x").containsEntry("a key=with:stuff", "v");
    }

    @Test
    void pretty_isIndentedJsonOfMesserView() {
        String text = show("--format", "pretty");
        assertThat(text).contains("\n  \"id\": \"hostile\"");
        JsonObject parsed = JsonParser.parseString(text).getAsJsonObject();
        assertThat(parsed.get("key_name").getAsString()).isEqualTo("app");
        assertThat(parsed.get("DOLLAR").getAsString()).isEqualTo(HostileValues.all().get("DOLLAR"));
    }

    @Test
    void jsonFormat_isWhatDecryptPrintsWithoutFormat() {
        assertThat(show("--format", "json")).isEqualTo(show());
        assertThat(show()).endsWith("}\n").doesNotContain("\n  ");
    }

    @Test
    void field_printsTheRawValueWithNewline_andWithoutOneUnderDashN() {
        assertThat(show("--field", "DOLLAR")).isEqualTo(HostileValues.all().get("DOLLAR") + "\n");
        assertThat(show("--field", "NEWLINES", "-n")).isEqualTo(HostileValues.all().get("NEWLINES"));
        assertThat(show("--field", "EMPTY", "-n")).isEmpty();
    }

    @Test
    void field_ofNestedValue_isCompactJson() {
        sandbox.upload("{\"id\":\"nested\",\"db\":{\"hosts\":[\"a\",\"b\"],\"port\":5432}}");
        CliRun result = sandbox.run("data", "bag", "show", "local", "app", "nested", "--decrypt",
                "--field", "db", "-n");
        assertThat(result.out()).isEqualTo("{\"hosts\":[\"a\",\"b\"],\"port\":5432}");
    }

    @Test
    void missingField_failsWithExit1NamingTheFieldAndTheItem() {
        CliRun result = sandbox.run("data", "bag", "show", "local", "app", "hostile", "--decrypt",
                "--field", "nope");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("app/hostile").contains("'nope'").hasLineCount(1);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void collidingFieldNames_failWithExit1NamingBothFields_andPrintNothing() {
        sandbox.upload("{\"id\":\"clash\",\"db.host\":\"a\",\"DB_HOST\":\"b\"}");
        CliRun result = sandbox.run("data", "bag", "show", "local", "app", "clash", "--decrypt",
                "--format", "export");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("'db.host'").contains("'DB_HOST'").contains("DB_HOST").hasLineCount(1);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void unknownFormat_isUsageError() {
        CliRun result = sandbox.run("data", "bag", "show", "local", "app", "hostile", "--decrypt",
                "--format", "yaml");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("'yaml'").contains("json|pretty|env|dotenv|export|envfile|properties");
    }

    @Test
    void formatOrField_withoutDecrypt_implyIt() {
        CliRun format = sandbox.run("data", "bag", "show", "local", "app", "hostile", "--format", "export");
        assertThat(format.exit()).as(format.toString()).isZero();
        assertThat(format.out()).isEqualTo(show("--format", "export"));
        CliRun field = sandbox.run("data", "bag", "show", "local", "app", "hostile", "--field", "EMPTY");
        assertThat(field.exit()).as(field.toString()).isZero();
        assertThat(field.out()).isEqualTo("\n");
    }

    @Test
    void formatOnABagListing_isUsageError() {
        CliRun result = sandbox.run("data", "bag", "show", "local", "app", "--format", "export");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("BAG and ITEM");
    }

    @Test
    void fieldPath_reachesANestedValue() {
        sandbox.upload("{\"id\":\"nested\",\"db\":{\"password\":\"inner\"}}");
        CliRun result = sandbox.run("data", "bag", "show", "local", "app", "nested", "--field", "db/password", "-n");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("inner");
    }

    @Test
    void formatAndFieldTogether_isUsageError() {
        CliRun result = sandbox.run("data", "bag", "show", "local", "app", "hostile", "--decrypt",
                "--format", "env", "--field", "TAB");
        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1).first().asString()
                .startsWith("messer: use either --format or --field, not both");
        assertThat(result.out()).as("no value is printed").isEmpty();
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs a bash script with arguments and returns its standard output bytes. */
    static byte[] bash(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", script, "bash"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("LANG", "C.UTF-8");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("bash exit status").isZero();
        return out;
    }
}
