package dev.messer.local;

import dev.messer.files.FileTrust;
import dev.messer.store.InterruptedWriteContract.Operation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process for {@link LocalStoreKillIT}: runs one operation on a local bucket and halts the JVM
 * right after its N-th file step, as {@code kill -9} would. Exits 0 if the operation ended first.
 * Arguments: bucket folder, versions to keep, operation, key, value, N.
 */
public final class HaltedOperation {

    private HaltedOperation() {
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
