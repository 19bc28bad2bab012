package dev.messer.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.files.FileTrust;
import dev.messer.store.InterruptedWriteContract.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Child process for {@link LocalStoreKillIT}: runs one operation on a local bucket and halts the JVM
 * right after its N-th file step, as {@code kill -9} would. Exits 0 if the operation ended first.
 * Arguments: bucket folder, versions to keep, operation, key, value, N. Other tests use it to change a
 * bucket from another process, as another command would, with an N the operation never reaches.
 */
public final class HaltedOperation {

    private HaltedOperation() {
    }

    /**
     * Runs {@code operation} on the bucket at {@code root} in a child JVM, halted after file step
     * {@code step}; returns its exit status (0: the operation ended first) once it has ended.
     */
    static int inChild(Path root, int keep, Operation operation, String key, String value, int step)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), HaltedOperation.class.getName(), root.toString(),
                Integer.toString(keep), operation.name(), key, value, Integer.toString(step))
                .redirectErrorStream(true).start();
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("what the child printed").isEmpty();
        return child.exitValue();
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        int keep = Integer.parseInt(args[1]);
        CountedFileSteps steps = new CountedFileSteps(Integer.parseInt(args[5]), CountedFileSteps.Fault.HALT_AFTER);
        LocalBlobStore store = new LocalBlobStore(root, keep, FileTrust.currentUser(), steps);
        Operation.valueOf(args[2]).run(store, args[3], args[4].getBytes(StandardCharsets.UTF_8), new LocalBlobStore(root, keep));
        System.exit(0);
    }
}
