package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several {@code configure} processes started at the same moment on one config file: every run that
 * says it wrote its profile must find it in the file afterwards, and no profile that was there
 * before may be lost. Separate JVMs, because a lock that only holds within one process (or that the
 * process drops by closing another descriptor of the locked file) passes a test made of threads.
 */
class ConfigureProcessRaceIT {

    private static final int ROUNDS = 5;
    private static final int RUNS = 6;

    @TempDir
    Path sandbox;

    @Test
    void configureProcessesStartedTogether_eachKeepTheirProfile_andNoneLosesAnOldOne() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            CliSandbox cli = new CliSandbox(sandbox.resolve("round" + round));
            cli.ok("configure", "local", "-e", "dev");
            cli.ok("configure", "local", "--profile", "old", "-e", "oldtier", "-m", "default");

            List<Process> children = new ArrayList<>();
            try {
                for (int i = 0; i < RUNS; i++) {
                    children.add(start(cli, "configure", "local", "--profile", "p" + i, "-e", "tier" + i,
                            "-m", "default"));
                }
                for (Process child : children) {
                    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                            StandardCharsets.UTF_8));
                    assertThat(out.readLine()).as("child started").isEqualTo("ready");
                }
                for (Process child : children) {
                    OutputStream in = child.getOutputStream();
                    in.write('\n');
                    in.flush();
                }
                for (int i = 0; i < RUNS; i++) {
                    Process child = children.get(i);
                    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
                    String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(child.exitValue()).as("run p%d in round %d: %s", i, round, err).isZero();
                    assertThat(err).contains("Wrote 2 setting(s) to [profile p" + i + "]");
                }
            } finally {
                children.forEach(Process::destroyForcibly);
            }

            String text = Files.readString(cli.configFile());
            assertThat(text).as("round %d: the profile that was there before", round)
                    .contains("[profile old]").contains("tier = oldtier").contains("[profile local]");
            for (int i = 0; i < RUNS; i++) {
                assertThat(text).as("round %d: profile p%d in%n%s", round, i, text)
                        .contains("[profile p" + i + "]").contains("tier = tier" + i);
            }
        }
    }

    private static Process start(CliSandbox cli, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                GatedMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(cli.env);
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return builder.start();
    }
}
