package dev.messer.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted on a folder, to run commands against a file system that really fills up
 * (ENOSPC from the kernel, not a simulated one). Mounting needs root. Where it cannot be mounted
 * the test is skipped with a loud reason, unless {@code MESSER_REQUIRE_TMPFS=1} (set by CI): then
 * it fails, so that a skipped full-disk test never passes for a green one.
 */
public final class SmallTmpfs implements AutoCloseable {

    public static final String REQUIRED = "MESSER_REQUIRE_TMPFS";

    private final Path mountPoint;
    private final Path filler;

    private SmallTmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve(".filler");
    }

    /** Mounts a tmpfs of {@code size} (such as {@code 2m}), mode 0700, on {@code mountPoint}, which it creates. */
    public static SmallTmpfs mount(Path mountPoint, String size) {
        String problem;
        try {
            Files.createDirectories(mountPoint);
            List<String> command = List.of("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs",
                    mountPoint.toString());
            Process mount = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(mount.getInputStream().readAllBytes()).trim();
            if (mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0) {
                return new SmallTmpfs(mountPoint);
            }
            problem = "'" + String.join(" ", command) + "' failed: " + output;
        } catch (IOException e) {
            problem = "cannot run mount: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while mounting";
        }
        throw skipped("a tmpfs cannot be mounted here (" + problem + "; it needs root), so the full-disk test "
                + "cannot run");
    }

    /**
     * Skips the calling test with a loud reason, or fails it when {@code MESSER_REQUIRE_TMPFS=1}: a
     * full-disk test that could not run never passes for a green one. Returns only to let callers
     * write {@code throw skipped(...)}; it always throws.
     */
    public static AssertionError skipped(String reason) {
        if ("1".equals(System.getenv(REQUIRED))) {
            Assertions.fail(reason + ", and " + REQUIRED + "=1 requires it");
        }
        System.err.println("SKIPPED: " + reason + "; set " + REQUIRED + "=1 to make this a failure");
        Assumptions.abort(reason);
        return new AssertionError("unreachable");
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
        Process umount = new ProcessBuilder("umount", mountPoint.toString()).redirectErrorStream(true).start();
        umount.getInputStream().readAllBytes();
        try {
            if (!umount.waitFor(30, TimeUnit.SECONDS) || umount.exitValue() != 0) {
                throw new IOException("umount " + mountPoint + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unmounting " + mountPoint, e);
        }
    }
}
