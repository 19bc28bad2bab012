package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.cli.CliRun;
import dev.messer.cli.CliSandbox;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process in the middle of {@code from file --force} writes, at random moments, again and
 * again, and checks after each kill that every item is still there and decrypts to a complete write
 * (old or new content, never torn, never missing). Leftover {@code #tmp-} files from a kill must not
 * show up in listings.
 */
class LocalStoreCrashIT {

    private static final int KILLS = 12;

    @TempDir
    Path temp;

    @Test
    void processKilledDuringForcedUploads_leavesEveryItemWholeAndDecryptable() throws Exception {
        CliSandbox sandbox = new CliSandbox(temp);
        sandbox.ok("configure", "local");
        sandbox.ok("encryption", "create", "local", "app");
        sandbox.ok("data", "bag", "create", "local", ForceUploadLoop.BAG);
        Random random = new Random(KILLS);
        long lastMaxCounter = -1;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = startWriter(sandbox, lastMaxCounter + 1);
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).as("the writer started and wrote every item").isEqualTo("ready");
                Thread.sleep(random.nextInt(400));
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            long maxCounter = checkEveryItem(sandbox);
            assertThat(maxCounter).as("writes went on in round %d", kill).isGreaterThan(lastMaxCounter);
            lastMaxCounter = maxCounter;
        }
        // how often a kill landed inside a write (informational: depends on timing)
        System.out.println("LocalStoreCrashIT: " + KILLS + " kills, " + (lastMaxCounter + 1) + " writes, "
                + leftoverTempFiles(sandbox) + " temporary files left by writes cut short");
    }

    private static long leftoverTempFiles(CliSandbox sandbox) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(sandbox.secretsBucket())) {
            return files.filter(p -> p.getFileName().toString().startsWith("#tmp-")).count();
        }
    }

    /** Each of the items exists, is listed, decrypts, and holds a whole document; returns the highest counter. */
    private static long checkEveryItem(CliSandbox sandbox) {
        CliRun listed = sandbox.ok("data", "bag", "show", "local", ForceUploadLoop.BAG);
        List<String> ids = listed.out().lines().toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < ForceUploadLoop.ITEMS; i++) {
            expected.add("item-" + i);
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
        long max = -1;
        for (String id : ids) {
            CliRun shown = sandbox.run("data", "bag", "show", "local", ForceUploadLoop.BAG, id, "--decrypt");
            assertThat(shown.exit()).as("item %s after a kill: %s", id, shown.err()).isZero();
            JsonObject item = JsonParser.parseString(shown.out()).getAsJsonObject();
            long n = item.get("n").getAsLong();
            assertThat(item.get("id").getAsString()).isEqualTo(id);
            assertThat(item.get("pad").getAsString()).hasSize((int) (n * 7919 % 30_000));
            max = Math.max(max, n);
        }
        return max;
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

    @Test
    void leftoverTempFilesOfAKilledWrite_areIgnoredByListAndShow() throws Exception {
        CliSandbox sandbox = new CliSandbox(temp);
        sandbox.ok("configure", "local");
        sandbox.ok("encryption", "create", "local", "app");
        sandbox.ok("data", "bag", "create", "local", "bag");
        Path item = sandbox.writeFile("db.json", "{\"id\":\"db\",\"pw\":\"x\"}");
        sandbox.ok("data", "bag", "from", "file", "local", "bag", item.toString(), "--secret-file", "app");
        Path bagFolder = sandbox.storedItem("bag", "db").getParent();
        Files.write(bagFolder.resolve("#tmp-12345"), "{\"id\":\"db\",\"encrypted_da".getBytes(StandardCharsets.UTF_8));
        Files.write(bagFolder.resolve("#tmp-67890"), new byte[0]);

        assertThat(sandbox.ok("data", "bag", "show", "local", "bag").out()).isEqualTo("db\n");
        assertThat(sandbox.ok("data", "bag", "show", "local", "bag", "db", "--decrypt").out()).contains("\"pw\":\"x\"");
        assertThat(sandbox.ok("data", "bag", "show", "local").out()).isEqualTo("bag\n");
        CliRun asItem = sandbox.run("data", "bag", "show", "local", "bag", "#tmp-12345");
        assertThat(asItem.exit()).isEqualTo(2);
        assertThat(asItem.err()).startsWith("messer: item id '#tmp-12345' is not valid");
        try (Stream<Path> files = Files.list(bagFolder)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("#tmp-12345", "db");
        }
    }
}
