package dev.messer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs for tests that need a real full file system. As root it is mounted with
 * {@code mount -t tmpfs} on a folder of the test; otherwise the scenario runs in a child JVM inside
 * a private mount namespace ({@code unshare --user --map-root-user --mount}), where it mounts its
 * own. When neither works the test is skipped with a loud message, unless
 * {@code MESSER_REQUIRE_TMPFS=1}: then it fails.
 */
final class SmallTmpfs {

    private static final int CHILD_MINUTES = 5;

    /** What runs on the mounted folder: in this JVM, or in a child that calls it from {@code main}. */
    interface Scenario {
        void run(Path mountPoint) throws Exception;
    }

    private SmallTmpfs() {
    }

    /**
     * Runs {@code scenario} on a tmpfs of {@code size} (as {@code mount -o size=} takes it) mounted at
     * {@code mountPoint}. {@code mainClass} must call {@code scenario} with {@code args[0]} as the
     * mount point, for the run in a child JVM.
     */
    static void run(Path mountPoint, String size, Scenario scenario, Class<?> mainClass) throws Exception {
        List<String> failures = new ArrayList<>();
        if (new com.sun.security.auth.module.UnixSystem().getUid() == 0) {
            Result mounted = exec(List.of("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs",
                    mountPoint.toString()));
            if (mounted.exit == 0) {
                try {
                    scenario.run(mountPoint);
                } finally {
                    exec(List.of("umount", mountPoint.toString()));
                }
                return;
            }
            failures.add("mount -t tmpfs: " + mounted.output.strip());
        }
        Result probe = exec(List.of("unshare", "--user", "--map-root-user", "--mount", "true"));
        if (probe.exit == 0) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of("unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                    "mount -t tmpfs -o size=\"$1\",mode=0700 tmpfs \"$2\" && shift 2 && exec \"$@\"", "sh", size,
                    mountPoint.toString(), java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    mainClass.getName(), mountPoint.toString());
            Result child = exec(command);
            assertThat(child.exit).as("the scenario in a private mount namespace:%n%s", child.output).isZero();
            return;
        }
        failures.add("unshare: " + probe.output.strip());
        throw dev.messer.files.SmallTmpfs.skipped("cannot mount a small tmpfs (" + String.join("; ", failures)
                + "): run the full-disk tests as root, or where user namespaces are allowed");
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(CHILD_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(-1, "timed out: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
