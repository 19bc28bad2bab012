package dev.messer.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher (bin/lib/exec-handoff.sh, in a real bash) runs the handed-over command only after a
 * whole stream and a JVM that exited with status 0: a JVM killed or failing at any point of the
 * stream runs nothing, and says so when it was a signal.
 */
class HandoffStreamTest {

    @TempDir
    Path temp;

    private final Map<String, String> environment = Map.of("PATH", System.getenv("PATH"), "HOME", "/nonexistent-home");

    private byte[] stream(Path marker, Map<String, String> variables) throws IOException {
        Path touch = CommandLookup.find("touch", System.getenv("PATH")).program();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LauncherHandoff.write(out, touch, List.of("touch", marker.toString()), new HandoffPlan(List.of(), variables, null),
                StandardCharsets.UTF_8);
        return out.toByteArray();
    }

    private LauncherScript.Run hand(byte[] stream, String thenJvm) throws IOException {
        Path file = Files.write(Files.createTempFile(temp, "stream", ""), stream);
        return LauncherScript.run(environment, LauncherScript.writingJvm(file, thenJvm));
    }

    @Test
    void wholeStream_fromAJvmThatExits0_runsTheCommand() throws IOException {
        Path marker = temp.resolve("ran");
        LauncherScript.Run run = hand(stream(marker, Map.of("PASSWORD", "s3cr3t")), "");
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(marker).exists();
    }

    @Test
    void jvmKilledAtAnyPointOfTheStream_runsNothing() throws IOException {
        Path marker = temp.resolve("ran");
        byte[] whole = stream(marker, Map.of("PASSWORD", "s3cr3t", "TOKEN", "t0k"));
        for (int cut = 0; cut <= whole.length; cut++) {
            LauncherScript.Run run = hand(Arrays.copyOf(whole, cut), "kill -KILL $$");
            assertThat(marker).as("cut at byte " + cut).doesNotExist();
            assertThat(run.status()).as("cut at byte " + cut).isEqualTo(128 + 9);
            if (cut > 0) {
                assertThat(run.err()).as("cut at byte " + cut)
                        .isEqualTo("messer: the JVM ended by signal 9 while it handed the command over; nothing was run\n");
            }
        }
    }

    @Test
    void streamCutShort_orFollowedByMore_runsNothing_evenWhenTheJvmExits0() throws IOException {
        Path marker = temp.resolve("ran");
        byte[] whole = stream(marker, Map.of("PASSWORD", "s3cr3t"));
        for (int cut = 1; cut < whole.length; cut++) {
            LauncherScript.Run run = hand(Arrays.copyOf(whole, cut), "");
            assertThat(marker).as("cut at byte " + cut).doesNotExist();
            assertThat(run.status()).as("cut at byte " + cut).isEqualTo(1);
            assertThat(run.err()).isEqualTo("messer: the JVM handed the command over incompletely; nothing was run\n");
        }
        byte[] more = Arrays.copyOf(whole, whole.length + 4);
        System.arraycopy("end\0".getBytes(StandardCharsets.UTF_8), 0, more, whole.length, 4);
        assertThat(hand(more, "").status()).isEqualTo(1);
        assertThat(marker).doesNotExist();
    }

    @Test
    void jvmThatFailsAfterAWholeStream_runsNothing_andItsStatusStays() throws IOException {
        Path marker = temp.resolve("ran");
        LauncherScript.Run run = hand(stream(marker, Map.of()), "exit 3");
        assertThat(run.status()).isEqualTo(3);
        assertThat(run.err()).isEmpty();
        assertThat(marker).doesNotExist();
    }

    @Test
    void jvmThatHandsNothingOver_givesItsOwnStatus() throws IOException {
        assertThat(hand(new byte[0], "exit 0").status()).isZero();
        assertThat(hand(new byte[0], "exit 42").status()).isEqualTo(42);
    }

    @Test
    void environmentLargerThanThePipe_isReadWhileTheJvmWrites() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            variables.put("BIG_" + i, ("x" + i).repeat(4000));
        }
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        LauncherHandoff.write(stream, LauncherScript.ENV, List.of("env", "-0"), new HandoffPlan(List.of(), variables, null),
                StandardCharsets.UTF_8);
        assertThat(stream.size()).isGreaterThan(10 * 65536);
        Path file = Files.write(Files.createTempFile(temp, "stream", ""), stream.toByteArray());
        LauncherScript.Run run = LauncherScript.run(environment, LauncherScript.writingJvm(file, ""));
        assertThat(run.status()).as(run.toString()).isZero();
        assertThat(run.environment()).containsAllEntriesOf(variables);
    }
}
