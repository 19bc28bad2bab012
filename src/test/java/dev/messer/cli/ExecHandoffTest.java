package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exec} under bin/messer: with the launcher's descriptor in its environment, the JVM hands the
 * command over (path, words, variables) instead of running it, unless a name cannot pass through
 * bash; and a command that cannot run is refused before any item is read, with a shell's status.
 * (The launcher's side: dev.messer.exec.HandoffStreamTest and tests/scenarios/exec-handoff.sh.)
 */
class ExecHandoffTest {

    @TempDir
    Path home;

    @TempDir
    Path elsewhere;

    CliSandbox sandbox;

    private CliRun exec(String... args) {
        List<String> all = new ArrayList<>(List.of("exec", "local"));
        all.addAll(List.of(args));
        return sandbox.run(all.toArray(String[]::new));
    }

    /** Runs exec with MESSER_EXEC_HANDOFF_FD naming a descriptor of this JVM open on a file; returns what was written. */
    private String handingOver(CliRun[] result, String... args) throws IOException {
        Path pipe = elsewhere.resolve("pipe");
        try (FileOutputStream open = new FileOutputStream(pipe.toFile())) {
            open.flush(); // held open so that the descriptor named below stays valid
            sandbox.env.put("MESSER_EXEC_HANDOFF_FD", descriptorOf(pipe));
            result[0] = exec(args);
        } finally {
            sandbox.env.remove("MESSER_EXEC_HANDOFF_FD");
        }
        return Files.readString(pipe, StandardCharsets.UTF_8);
    }

    private static String descriptorOf(Path file) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).equals(file)) {
                        return fd.getFileName().toString();
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor of the listing itself
                }
            }
        }
        throw new AssertionError("no descriptor of this JVM is open on " + file);
    }

    @Test
    void withTheLaunchersDescriptor_theCommandIsHandedOver_notRun() throws IOException {
        sandbox = new CliSandbox(home).withBag().upload("{\"id\":\"db\",\"password\":\"s3cr3t-Pa55\"}");
        Path marker = home.resolve("ran");
        CliRun[] result = new CliRun[1];
        String stream = handingOver(result, "app/db", "--", "touch", marker.toString());
        assertThat(result[0].exit()).as(result[0].toString()).isZero();
        assertThat(marker).doesNotExist();
        String touch = dev.messer.exec.CommandLookup.find("touch", sandbox.env.get("PATH")).program().toString();
        assertThat(stream).isEqualTo("messer-exec-handoff 1\0" + touch + "\0" + "2\0touch\0" + marker + "\0"
                + "0\0" + "1\0PASSWORD=s3cr3t-Pa55\0" + "end\0");
    }

    @Test
    void nameThatBashWouldChange_keepsTheCommandAChildOfTheJvm_andDebugSaysWhy() throws IOException {
        sandbox = new CliSandbox(home).withBag().upload("{\"id\":\"odd\",\"random\":\"4\",\"password\":\"p\"}");
        Path out = home.resolve("random.txt");
        CliRun[] result = new CliRun[1];
        String stream = handingOver(result, "app/odd", "--debug", "--", "sh", "-c", "printf %s \"$RANDOM\" > \"$0\"",
                out.toString());
        assertThat(result[0].exit()).as(result[0].toString()).isZero();
        assertThat(stream).isEmpty();
        assertThat(Files.readString(out)).isEqualTo("4");
        assertThat(result[0].err()).contains("messer: sh runs as a child of messer's JVM: bash gives RANDOM a value of its own");
    }

    @Test
    void commandNotFound_is127_andNotExecutable_is126_eachInOneLine_beforeAnyItemIsRead() throws IOException {
        sandbox = new CliSandbox(home).withBag();
        CliRun missing = exec("app/not-there", "--", "no-such-command-anywhere");
        assertThat(missing.exit()).isEqualTo(127);
        assertThat(missing.err()).isEqualTo("messer: cannot run 'no-such-command-anywhere': not found on PATH; check the"
                + " command name and PATH\n");
        Path script = Files.writeString(home.resolve("script.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-------"));
        CliRun blocked = exec("app/not-there", "--", script.toString());
        assertThat(blocked.exit()).isEqualTo(126);
        assertThat(blocked.err()).isEqualTo("messer: cannot run '" + script + "': it is not executable; name a program"
                + " that can be run\n");
    }
}
