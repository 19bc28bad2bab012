package dev.messer.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The descriptor the launcher names, and the stream the JVM writes on it. */
class LauncherHandoffTest {

    @TempDir
    Path descriptors;

    @Test
    void offered_onlyWhenTheVariableNamesADescriptorOf3OrMore() {
        assertThat(LauncherHandoff.offered(Map.of(), descriptors)).isEmpty();
        for (String value : List.of("", "0", "1", "2", "07", "-3", "3x", " 12", "1234567890")) {
            assertThat(LauncherHandoff.offered(Map.of(LauncherHandoff.DESCRIPTOR_VARIABLE, value), descriptors)).as(value)
                    .isEmpty();
        }
        assertThat(LauncherHandoff.offered(Map.of(LauncherHandoff.DESCRIPTOR_VARIABLE, "12"), descriptors)).isPresent();
    }

    @Test
    void launcherExports_areTheJvmsEnvironmentWithoutTheDescriptorVariable() {
        assertThat(LauncherHandoff.launcherExports(Map.of(LauncherHandoff.DESCRIPTOR_VARIABLE, "12", "HOME", "/h")))
                .containsOnly(Map.entry("HOME", "/h"));
        assertThat(ChildEnvironment.inherited(Map.of(LauncherHandoff.DESCRIPTOR_VARIABLE, "12", "HOME", "/h")))
                .containsOnly(Map.entry("HOME", "/h"));
    }

    @Test
    void theLaunchersTerminalNote_neverReachesTheChild_butTheLauncherKeepsIt() {
        Map<String, String> jvm = Map.of(ChildEnvironment.STDERR_TTY_VARIABLE, "1", "HOME", "/h");
        assertThat(ChildEnvironment.inherited(jvm)).containsOnly(Map.entry("HOME", "/h"));
        HandoffPlan plan = HandoffPlan.between(LauncherHandoff.launcherExports(jvm), ChildEnvironment.inherited(jvm));
        assertThat(plan.possible()).isTrue();
        assertThat(plan.removals()).containsExactly(ChildEnvironment.STDERR_TTY_VARIABLE);
    }

    @Test
    void stream_holdsProgramWordsRemovalsAndVariables_eachEndedByNul_thenEnd() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("PASSWORD", "a=b\nc d");
        variables.put("EMPTY", "");
        HandoffPlan plan = new HandoffPlan(List.of("PWD"), variables, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LauncherHandoff.write(out, Path.of("/usr/bin/env"), List.of("env", "-0", ""), plan, StandardCharsets.UTF_8);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("messer-exec-handoff 1\0/usr/bin/env\0"
                + "3\0env\0-0\0\0" + "1\0PWD\0" + "2\0PASSWORD=a=b\nc d\0EMPTY=\0" + "end\0");
    }

    @Test
    void handOver_writesTheWholeStreamToTheDescriptor() throws IOException {
        Path pipe = descriptors.resolve("12");
        Files.createFile(pipe);
        LauncherHandoff launcher = LauncherHandoff.offered(Map.of(LauncherHandoff.DESCRIPTOR_VARIABLE, "12"), descriptors)
                .orElseThrow();
        launcher.handOver(Path.of("/bin/true"), List.of("true"), new HandoffPlan(List.of(), Map.of("A", "v"), null));
        assertThat(Files.readString(pipe, ChildEnvironment.charset()))
                .isEqualTo("messer-exec-handoff 1\0/bin/true\0" + "1\0true\0" + "0\0" + "1\0A=v\0" + "end\0");
    }

    @Test
    void handOver_refusesAPlanThatCannotBeFollowed_andAValueWithNul() {
        LauncherHandoff launcher = LauncherHandoff.offered(Map.of(LauncherHandoff.DESCRIPTOR_VARIABLE, "12"), descriptors)
                .orElseThrow();
        assertThatThrownBy(() -> launcher.handOver(Path.of("/bin/true"), List.of("true"),
                new HandoffPlan(List.of(), Map.of(), "bash gives RANDOM a value of its own")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LauncherHandoff.write(new ByteArrayOutputStream(), Path.of("/bin/true"), List.of("true"),
                new HandoffPlan(List.of(), Map.of("A", "x\0y"), null), StandardCharsets.UTF_8))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
