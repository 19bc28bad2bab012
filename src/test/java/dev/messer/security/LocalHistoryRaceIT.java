package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.cli.CliRun;
import dev.messer.cli.CliSandbox;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history} while another process keeps replacing the item, with {@code local_versions = 3}, so
 * that every write prunes a version: no version is listed without its writer, key and format (as a
 * version pruned between the listing and its reading was). One writer, since two forced uploads of
 * one item may conflict, which {@link ForceUploadLoop} counts as a failure.
 */
class LocalHistoryRaceIT {

    private static final int WRITERS = 1;
    private static final long READ_MILLIS = 20_000;
    private static final String ITEM = "item-0";

    @TempDir
    Path temp;

    @Test
    void historyRacingWritersThatPrune_listsEveryVersionWhole() throws Exception {
        CliSandbox sandbox = new CliSandbox(temp).env("MESSER_LOCAL_VERSIONS", "3");
        sandbox.ok("configure", "local");
        sandbox.ok("encryption", "create", "local", "app");
        sandbox.ok("data", "bag", "create", "local", ForceUploadLoop.BAG);
        List<Process> writers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int reads = 0;
        try {
            for (int i = 0; i < WRITERS; i++) {
                writers.add(startWriter(sandbox, i * 1_000_000L));
            }
            for (Process writer : writers) {
                BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).as("a writer started").isEqualTo("ready");
            }
            long end = System.currentTimeMillis() + READ_MILLIS;
            while (System.currentTimeMillis() < end && problems.isEmpty()) {
                CliRun history = sandbox.run("data", "bag", "history", "local", ForceUploadLoop.BAG, ITEM, "--format", "json");
                assertThat(history.exit()).as("history: %s", history.err()).isZero();
                problems.addAll(incomplete(JsonParser.parseString(history.out()).getAsJsonArray()));
                reads++;
                for (Process writer : writers) {
                    assertThat(writer.isAlive()).as("the writers keep writing").isTrue();
                }
            }
        } finally {
            for (Process writer : writers) {
                writer.destroyForcibly();
                writer.waitFor(30, TimeUnit.SECONDS);
            }
        }
        assertThat(problems).as("versions listed incomplete in %d history runs", reads).isEmpty();
        assertThat(reads).isGreaterThan(10);
    }

    /** The entries that are not deletions but lack their writer, key or format. */
    private static List<String> incomplete(JsonArray versions) {
        List<String> problems = new ArrayList<>();
        for (JsonElement element : versions) {
            JsonObject v = element.getAsJsonObject();
            if (v.get("deleted").getAsBoolean()) {
                continue;
            }
            for (String field : List.of("writer", "key_name", "key_version", "item_format")) {
                if (v.get(field).isJsonNull()) {
                    problems.add("version " + v.get("version").getAsString() + " has no " + field + ": " + v);
                }
            }
        }
        return problems;
    }

    private static Process startWriter(CliSandbox sandbox, long firstCounter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + sandbox.tmp, "-cp", System.getProperty("java.class.path"),
                ForceUploadLoop.class.getName(), String.valueOf(firstCounter));
        builder.environment().putAll(sandbox.env());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }
}
