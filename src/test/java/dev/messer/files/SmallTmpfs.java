package dev.messer.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a folder, to run tests against a file system that really fills up
 * (ENOSPC from the kernel, not a simulated one), for every full-disk test. {@link #mount} mounts it
 * in this JVM, which needs root; {@link #run} runs a scenario there as root, or else in a child JVM
 * inside a private mount namespace ({@code unshare --user --map-root-user --mount}), where it mounts
 * its own. Where it cannot be mounted the test is skipped with a loud reason, unless
 * {@code MESSER_REQUIRE_TMPFS=1} (set by CI): then it fails, so that a skipped full-disk test never
 * passes for a green one ({@link #skipped}).
 */
public final class SmallTmpfs implements AutoCloseable {

    public static final String REQUIRED = "MESSER_REQUIRE_TMPFS";

    private static final int CHILD_MINUTES = 5;

    private final Path mountPoint;
    private final Path filler;

    /** What runs on the mounted folder: in this JVM, or in a child that calls it from {@code main}. */
    public interface Scenario {
        void run(Path mountPoint) throws Exception;
    }

    private SmallTmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve(".filler");
    }

    /** Mounts a tmpfs of {@code size} (such as {@code 2m}), mode 0700, on {@code mountPoint}, which it creates. */
    public static SmallTmpfs mount(Path mountPoint, String size) {
        String problem;
        try {
            Files.createDirectories(mountPoint);
            Result mounted = exec(mountCommand(mountPoint, size));
            if (mounted.exit == 0) {
                return new SmallTmpfs(mountPoint);
            }
            problem = "'" + String.join(" ", mountCommand(mountPoint, size)) + "' failed: " + mounted.output.strip();
        } catch (IOException e) {
            problem = "cannot run mount: " + e.getMessage();
        }
        throw skipped("a tmpfs cannot be mounted here (" + problem + "; it needs root), so the full-disk test "
                + "cannot run");
    }

    /**
     * Runs {@code scenario} on a tmpfs of {@code size} mounted at {@code mountPoint}: in this JVM as
     * root, else in a child JVM in a private mount namespace. {@code mainClass} must call
     * {@code scenario} with {@code args[0]} as the mount point, for the run in a child JVM.
     */
    public static void run(Path mountPoint, String size, Scenario scenario, Class<?> mainClass) throws Exception {
        List<String> failures = new ArrayList<>();
        if (new com.sun.security.auth.module.UnixSystem().getUid() == 0) {
            Result mounted = exec(mountCommand(mountPoint, size));
            if (mounted.exit == 0) {
                try (SmallTmpfs disk = new SmallTmpfs(mountPoint)) {
                    scenario.run(disk.root());
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
        throw skipped("cannot mount a small tmpfs (" + String.join("; ", failures)
                + "): run the full-disk tests as root, or where user namespaces are allowed");
    }

    /**
     * Skips the calling test with a loud reason, or fails it when {@code MESSER_REQUIRE_TMPFS=1}: a
     * full-disk test that could not run never passes for a green one. Returns only to let callers
     * write {@code throw skipped(...)}; it always throws.
     */
    public static AssertionError skipped(String reason) {
        return RequiredSwitch.skipped(REQUIRED, reason);
    }

    public Path root() {
        return mountPoint;
    }

    /** Writes a filler file until the kernel answers ENOSPC: after this, no file can gain a byte. */
    public void fill() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            if (!full.getMessage().contains("No space left on device")) {
                throw full;
            }
        }
    }

    /** Removes the filler: the file system has room again. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException {
        Result umount = exec(List.of("umount", mountPoint.toString()));
        if (umount.exit != 0) {
            throw new IOException("umount " + mountPoint + " failed: " + umount.output.strip());
        }
    }

    private static List<String> mountCommand(Path mountPoint, String size) {
        return List.of("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", mountPoint.toString());
    }

    private record Result(int exit, String output) {
    }

    /** Runs {@code command} to its end; a command that cannot start or does not end is exit -1. */
    private static Result exec(List<String> command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(CHILD_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Result(-1, "interrupted: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
