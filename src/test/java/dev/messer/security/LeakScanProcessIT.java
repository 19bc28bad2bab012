package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.cli.CliSandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak scan as a user meets it: real processes of {@code dev.messer.cli.Main}, with HOME, the XDG
 * folders, TMPDIR and {@code java.io.tmpdir} all inside one sandbox, and the secret given on standard
 * input so that it never appears in a process's arguments. Afterwards no file in the sandbox other
 * than the user's own input holds the secret, and only {@code show --decrypt} printed it.
 */
class LeakScanProcessIT {

    @TempDir
    Path temp;

    private record Run(List<String> args, int exit, String out, String err) {
    }

    @Test
    void secretGivenOnStdin_staysOffDiskArgumentsAndStderr_inRealProcesses() throws Exception {
        CliSandbox sandbox = new CliSandbox(temp);
        String marker = "PROCMARKER-" + UUID.randomUUID().toString().replace("-", "");
        SecretScan scan = SecretScan.forText(marker);
        byte[] item = ("{\"id\":\"db\",\"password\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] broken = ("{\"id\":\"db\",\"password\":\"" + marker + "\",\"password\":1}").getBytes(StandardCharsets.UTF_8);

        List<Run> runs = new ArrayList<>();
        runs.add(run(sandbox, new byte[0], "configure", "local"));
        runs.add(run(sandbox, new byte[0], "encryption", "create", "local", "app"));
        runs.add(run(sandbox, new byte[0], "data", "bag", "create", "local", "bag"));
        runs.add(run(sandbox, item, "data", "bag", "from", "file", "local", "bag", "-", "--secret-file", "app", "--debug"));
        runs.add(run(sandbox, broken, "data", "bag", "from", "file", "local", "bag", "-", "--secret-file", "app",
                "--force", "--debug"));
        runs.add(run(sandbox, new byte[0], "data", "bag", "show", "local", "bag", "db"));
        Run decrypted = run(sandbox, new byte[0], "data", "bag", "show", "local", "bag", "db", "--decrypt");
        StoredObjects.rewriteEnvelope(sandbox.storedItem("bag", "db"),
                e -> StoredObjects.withTag(e, StoredObjects.flipBit(e.tag(), 1)));
        runs.add(run(sandbox, new byte[0], "data", "bag", "show", "local", "bag", "db", "--decrypt", "--debug"));

        assertThat(decrypted.exit()).isZero();
        assertThat(decrypted.out()).contains(marker);
        assertThat(runs).extracting(Run::exit).containsExactly(0, 0, 0, 0, 1, 0, 1);
        assertThat(runs.get(4).err()).contains("has the key 'password' twice").contains("\tat dev.messer.");
        assertThat(runs.get(6).err()).contains("failed its integrity check").contains("\tat dev.messer.");
        for (Run r : runs) {
            assertThat(scan.foundIn(r.out() + r.err())).as("marker in the output of %s", r.args()).isFalse();
            assertThat(scan.foundIn(String.join(" ", r.args()))).isFalse();
        }
        assertThat(scan.filesContaining(sandbox.root, null)).as("files holding the marker").isEmpty();
    }

    private static Run run(CliSandbox sandbox, byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + sandbox.tmp, "-cp", System.getProperty("java.class.path"),
                "dev.messer.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(sandbox.env());
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(List.of(args), process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}
