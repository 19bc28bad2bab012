package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.cli.CliSandbox;
import dev.messer.cli.Main;
import dev.messer.crypto.EncryptionContext;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.keys.KeyTrust;
import dev.messer.keys.NewVersionWraps;
import dev.messer.local.LocalBlobStore;
import dev.messer.local.LocalMasterKeyFile;
import dev.messer.masterkey.MasterKeys;
import dev.messer.store.StoreNotices;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code encryption rewrap --to-master-key} killed with SIGKILL in the middle, in a process of its
 * own, again and again: after every kill each version still unwraps (with the master key it records),
 * a half-moved key still reads, and running the command again completes the move.
 */
class RewrapCrashIT {

    private static final int VERSIONS = 80;
    private static final int KILLS = 5;

    @TempDir
    Path temp;

    @Test
    void rewrapKilledMidway_leavesEveryVersionWithAWorkingWrap_andARerunCompletesIt() throws Exception {
        CliSandbox sandbox = new CliSandbox(temp);
        sandbox.ok("configure", "local", "-e", "dev");
        sandbox.ok("encryption", "create", "local", "app");
        sandbox.ok("data", "bag", "create", "local", "bag");
        for (int version = 0; version < VERSIONS; version++) {
            if (version > 0) {
                sandbox.ok("encryption", "increment", "local", "app");
            }
            if (version % 20 == 0) {
                Path item = sandbox.writeFile("i.json", "{\"id\":\"i" + version + "\",\"v\":\"" + version + "\"}");
                sandbox.ok("data", "bag", "from", "file", "local", "bag", item.toString(), "--secret-file", "app");
            }
        }
        Path root = sandbox.dataHome.resolve("messer");
        LocalMasterKeyFile.create(LocalMasterKeyFile.pathFor(root, "next"));
        Random random = new Random(VERSIONS);
        int moved = 0;
        boolean killedMidway = false;
        for (int kill = 0; kill < KILLS && moved < VERSIONS; kill++) {
            int after = 1 + random.nextInt(Math.max(1, (VERSIONS - moved) / 3));
            rewrapKilledAfter(sandbox, after);
            int now = everyVersionUnwraps(root);
            assertThat(now).as("versions moved after kill %d", kill).isGreaterThanOrEqualTo(moved);
            killedMidway |= now > 0 && now < VERSIONS;
            moved = now;
        }
        assertThat(killedMidway).as("a kill landed in the middle of a run").isTrue();

        assertThat(sandbox.ok("encryption", "rewrap", "local", "--to-master-key", "next").out())
                .contains("Re-wrapped " + (VERSIONS - moved) + " key version(s); " + moved + " needed nothing");
        assertThat(everyVersionUnwraps(root)).isEqualTo(VERSIONS);
        Files.delete(LocalMasterKeyFile.pathFor(root, "default"));
        for (int version = 0; version < VERSIONS; version += 20) {
            assertThat(sandbox.ok("data", "bag", "show", "local", "bag", "i" + version, "--decrypt", "--field", "v")
                    .out()).isEqualTo(version + "\n");
        }
    }

    /** Runs the rewrap in a JVM of its own and kills it with SIGKILL once it reported {@code after} versions. */
    private static void rewrapKilledAfter(CliSandbox sandbox, int after) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + sandbox.tmp, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "encryption", "rewrap", "local", "--to-master-key", "next");
        builder.environment().clear();
        builder.environment().putAll(sandbox.env());
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process child = builder.start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                StandardCharsets.UTF_8))) {
            int reported = 0;
            String line;
            while (reported < after && (line = err.readLine()) != null) {
                if (line.contains("re-wrapped under next")) {
                    reported++;
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Unwraps every version with the master key it records; returns how many record {@code next}. */
    private static int everyVersionUnwraps(Path root) throws Exception {
        LocalBlobStore keys = new LocalBlobStore(root.resolve("keys"));
        List<AutoCloseable> opened = new ArrayList<>();
        MasterKeys masterKeys = new MasterKeys(() -> "default", () -> open(root, "default", opened),
                name -> open(root, name, opened));
        KeyTrust trust = new KeyTrust(EncryptionContext.empty(), "dev", false, true, false);
        int next = 0;
        try (KeyRing ring = new KeyRing(keys, masterKeys, trust, StoreNotices.NONE, NewVersionWraps.NONE)) {
            assertThat(ring.versions("app")).hasSize(VERSIONS);
            for (int version = 0; version < VERSIONS; version++) {
                assertThat(ring.forReading(new KeyRef("app", version))).isNotNull();
                String meta = Files.readString(root.resolve("keys/app/" + version + "#meta"));
                next += meta.contains(KeyRing.MASTER_KEY_METADATA + "=next\n") ? 1 : 0;
            }
        } finally {
            for (AutoCloseable key : opened) {
                key.close();
            }
        }
        return next;
    }

    private static dev.messer.local.LocalMasterKey open(Path root, String name, List<AutoCloseable> opened) {
        dev.messer.local.LocalMasterKey key = LocalMasterKeyFile.open(LocalMasterKeyFile.pathFor(root, name));
        opened.add(key);
        return key;
    }
}
