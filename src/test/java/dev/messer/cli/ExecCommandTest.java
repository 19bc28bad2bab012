package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code messer exec}: item fields as environment variables of a real child process. */
class ExecCommandTest {

    @TempDir
    Path home;

    CliSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(home).withBag()
                .upload(HostileValues.itemJson("hostile"))
                .upload("{\"id\":\"db\",\"db.user\":\"app\",\"password\":\"s3cr3t-Pa55\"}")
                .upload("{\"id\":\"web\",\"port\":8080}")
                .upload("{\"id\":\"clash\",\"PASSWORD\":\"other\"}");
    }

    private CliRun exec(String... args) {
        List<String> all = new ArrayList<>(List.of("exec", "local"));
        all.addAll(List.of(args));
        return sandbox.run(all.toArray(String[]::new));
    }

    @Test
    void child_seesEveryHostileValueByteForByte() throws IOException {
        Path out = Files.createDirectory(home.resolve("out"));
        List<String> names = new ArrayList<>(HostileValues.all().keySet());
        List<String> command = new ArrayList<>(List.of("app", "hostile", "--", "sh", "-c",
                "for n in \"$@\"; do eval \"printf %s \\\"\\$$n\\\"\" > \"" + out + "/$n\"; done", "sh"));
        command.addAll(names);
        CliRun all = exec(command.toArray(String[]::new));
        assertThat(all.exit()).as(all.toString()).isZero();
        for (Map.Entry<String, String> field : HostileValues.all().entrySet()) {
            assertThat(Files.readAllBytes(out.resolve(field.getKey()))).as(field.getKey())
                    .isEqualTo(field.getValue().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void severalItems_giveTheirFieldsTogether_withSanitisedNames() throws IOException {
        Path out = home.resolve("env.txt");
        CliRun result = exec("app", "db", "web", "--", "sh", "-c",
                "printf '%s|%s|%s' \"$DB_USER\" \"$PASSWORD\" \"$PORT\" > \"$0\"", out.toString());
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(Files.readString(out)).isEqualTo("app|s3cr3t-Pa55|8080");
    }

    @Test
    void childExitStatus_isReturned() {
        assertThat(exec("app", "db", "--", "sh", "-c", "exit 7").exit()).isEqualTo(7);
        assertThat(exec("app", "db", "--", "true").exit()).isZero();
    }

    @Test
    void wordsAfterDashes_reachTheChildVerbatim_includingQuotesAndMesserOptions() throws IOException {
        Path out = home.resolve("args.txt");
        CliRun result = exec("app", "db", "--silent", "--", "sh", "-c",
                "printf '[%s]' \"$@\" > \"" + out + "\"", "sh", "\"quoted\"", "--silent", "-c", "--", "");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(Files.readString(out)).isEqualTo("[\"quoted\"][--silent][-c][--][]");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void sameVariableFromTwoItems_failsNamingBoth_andDoesNotRunTheCommand() {
        Path marker = home.resolve("ran");
        CliRun result = exec("app", "db", "clash", "--", "touch", marker.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("item app/db").contains("item app/clash").contains("PASSWORD").hasLineCount(1);
        assertThat(marker).doesNotExist();
    }

    @Test
    void missingItem_failsWithExit1_andDoesNotRunTheCommand() {
        Path marker = home.resolve("ran");
        CliRun result = exec("app", "db", "nope", "--", "touch", marker.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("nope");
        assertThat(marker).doesNotExist();
    }

    @Test
    void noDashes_orNothingAfterThem_isUsageError() {
        CliRun noDashes = exec("app", "db", "env");
        assertThat(noDashes.exit()).isEqualTo(2);
        assertThat(noDashes.err()).contains("'--'");
        assertThat(exec("app", "db", "--").exit()).isEqualTo(2);
        assertThat(exec("app", "--", "env").exit()).isEqualTo(2);
    }

    @Test
    void commandThatCannotStart_exits127WithOneLine() {
        CliRun result = exec("app", "db", "--", "no-such-command-anywhere");
        assertThat(result.exit()).isEqualTo(127);
        assertThat(result.err()).contains("no-such-command-anywhere").hasLineCount(1);
    }

    @Test
    void nothingWithThePlaintextIsWrittenUnderHome() throws IOException {
        assertThat(exec("app", "db", "--", "true").exit()).isZero();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain("s3cr3t-Pa55");
            }
        }
    }

    @Test
    void sigtermToMesser_isPassedToTheChild_whoseTrapRuns_andWhoseStatusIsReturned() throws Exception {
        Path ready = home.resolve("ready");
        Path trapped = home.resolve("trapped");
        List<String> command = new ArrayList<>(CliSandbox.javaCommand());
        command.addAll(List.of("exec", "local", "app", "db", "--", "sh", "-c",
                "trap 'echo \"$PASSWORD\" > \"$1\"; exit 42' TERM; : > \"$0\"; while :; do sleep 0.1; done",
                ready.toString(), trapped.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("messer.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(sandbox.env);
        Process messer = builder.start();
        try {
            for (int i = 0; i < 600 && !Files.exists(ready) && messer.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertThat(ready).as(Files.readString(home.resolve("messer.log"))).exists();
            messer.destroy();
            assertThat(messer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(messer.exitValue()).as(Files.readString(home.resolve("messer.log"))).isEqualTo(42);
            assertThat(Files.readString(trapped)).isEqualTo("s3cr3t-Pa55\n");
        } finally {
            messer.destroyForcibly();
        }
    }

    @Test
    void references_takeItemsFromSeveralBags() throws IOException {
        sandbox.bag("web").uploadTo("web", "{\"id\":\"api\",\"token\":\"t0k\"}");
        Path out = home.resolve("env.txt");
        CliRun result = exec("app/db", "web/api", "--", "sh", "-c", "printf '%s|%s' \"$PASSWORD\" \"$TOKEN\" > \"$0\"",
                out.toString());
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(Files.readString(out)).isEqualTo("s3cr3t-Pa55|t0k");
    }

    @Test
    void mixingReferencesAndBagItemWords_isUsageError() {
        CliRun result = exec("app/db", "web", "--", "true");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("'web'").contains("BAG/ITEM");
    }

    @Test
    void messerItems_suppliesTheReferencesWhenNoneAreGiven() throws IOException {
        sandbox.env.put("MESSER_ITEMS", " app/db  app/web ");
        Path out = home.resolve("env.txt");
        CliRun result = exec("--", "sh", "-c", "printf '%s|%s' \"$PASSWORD\" \"$PORT\" > \"$0\"", out.toString());
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(Files.readString(out)).isEqualTo("s3cr3t-Pa55|8080");
        sandbox.env.remove("MESSER_ITEMS");
        assertThat(exec("--", "true").err()).contains("MESSER_ITEMS");
    }

    @Test
    void noClobber_refusesToOverrideASetVariable_andRunsNothing() throws IOException {
        sandbox.env.put("PASSWORD", "from-the-caller");
        Path marker = home.resolve("ran");
        CliRun refused = exec("app/db", "--no-clobber", "--", "touch", marker.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("PASSWORD").contains("--no-clobber").hasLineCount(1);
        assertThat(marker).doesNotExist();
        Path out = home.resolve("pw.txt");
        assertThat(exec("app/db", "--keep-env", "--", "sh", "-c", "printf %s \"$PASSWORD\" > \"$0\"", out.toString())
                .exit()).isZero();
        assertThat(Files.readString(out)).isEqualTo("s3cr3t-Pa55");
    }

    @Test
    void overrideLetsTheLaterItemWin() throws IOException {
        Path out = home.resolve("pw.txt");
        CliRun result = exec("app/db", "app/clash", "--override", "--", "sh", "-c", "printf %s \"$PASSWORD\" > \"$0\"",
                out.toString());
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(Files.readString(out)).isEqualTo("other");
    }

    @Test
    void pristineAndKeepEnvTogether_isUsageError() {
        assertThat(exec("app/db", "--pristine", "--keep-env", "--", "true").exit()).isEqualTo(2);
    }
}
