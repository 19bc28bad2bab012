package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTraceTest {

    private static final Pattern PHASE = Pattern.compile(
            "messer: startup parsed: thread ([0-9]+\\.[0-9]) ms, process ([0-9]+\\.[0-9]) ms");

    @Test
    void aPhaseLinePrintsTheThreadsAndTheProcesssCpuTime() {
        burnCpu();
        List<String> lines = printed(false);

        assertThat(lines).hasSize(1);
        Matcher matcher = PHASE.matcher(lines.get(0));
        assertThat(matcher.matches()).as(lines.get(0)).isTrue();
        double thread = Double.parseDouble(matcher.group(1));
        double process = Double.parseDouble(matcher.group(2));
        assertThat(thread).isPositive();
        assertThat(process).isGreaterThanOrEqualTo(thread);
    }

    @Test
    void theEndLineListsEveryThreadWithItsCpuTime() {
        burnCpu();
        List<String> lines = printed(true);

        assertThat(lines.get(0)).startsWith("messer: startup parsed: thread ");
        List<String> threads = lines.subList(1, lines.size());
        assertThat(threads).hasSizeGreaterThan(1)
                .allMatch(line -> line.matches("messer: startup thread .+: [0-9]+\\.[0-9] ms"));
        assertThat(threads).anyMatch(line -> !line.endsWith(": 0.0 ms"));
    }

    @Test
    void theTracesOwnCpuTimeIsTakenOutOfTheFigures() {
        long before = StartupTrace.threadNanos();
        long raw = StartupTrace.nanos(Path.of("/proc/thread-self/schedstat"));
        printed(true);
        long cost = StartupTrace.nanos(Path.of("/proc/thread-self/schedstat")) - raw;
        long after = StartupTrace.threadNanos();

        assertThat(before).isPositive();
        assertThat(cost).isPositive();
        assertThat(after - before).as("CPU time counted across a print that took %d ns", cost).isLessThan(cost);
    }

    @Test
    void aFileThatCannotBeReadGivesMinusOne(@TempDir Path dir) {
        assertThat(StartupTrace.nanos(dir.resolve("missing"))).isEqualTo(-1);
    }

    private static List<String> printed(boolean threads) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StartupTrace.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "parsed", threads);
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static void burnCpu() {
        long sum = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sum += Integer.toString(i).hashCode();
        }
        assertThat(sum).isNotZero();
    }
}
