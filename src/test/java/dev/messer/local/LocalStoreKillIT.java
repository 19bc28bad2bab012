package dev.messer.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.store.InterruptedWriteContract;
import dev.messer.store.InterruptedWriteContract.Before;
import dev.messer.store.InterruptedWriteContract.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A writer killed after each step of a write or a deletion: a child JVM halts right after its N-th
 * file step, for N = 1, 2, ... until the operation ends first. After each kill, the next listing
 * (which sweeps what the dead writer left) must tell a true history: the operation happened or it
 * did not, the newest version holds what the object holds, no version holds a value it never held,
 * and no pending or temporary file is left.
 */
class LocalStoreKillIT {

    private static final int MAX_STEPS = 64;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, keeping {1}, prepared keeping {2}")
    @CsvSource({"CREATE, 1, 1", "REPLACE, 1, 1", "RECREATE, 1, 1", "DELETE, 1, 1", "PUT_IF_MATCH, 3, 3",
            "REPLACE, 3, 0", "DELETE, 3, 0"})
    void writerKilledAfterAnyStep_leavesATrueHistory(Operation operation, int keep, int preparedKeeping)
            throws Exception {
        Path root = dir.resolve("bucket");
        LocalBlobStore store = new LocalBlobStore(root, keep);
        for (int step = 1; ; step++) {
            assertThat(step).as("steps of %s", operation).isLessThan(MAX_STEPS);
            String key = "bag/" + operation.name().toLowerCase() + "-" + step;
            Before before = Before.of(store, key, operation.prepare(new LocalBlobStore(root, preparedKeeping), key));
            String value = "written by " + key;
            int exit = HaltedOperation.inChild(root, keep, operation, key, value, step);
            assertThat(exit).as("the child of step %d", step).isIn(0, CountedFileSteps.HALTED);
            InterruptedWriteContract.checkTrueHistory(store, operation, key, before,
                    value.getBytes(StandardCharsets.UTF_8), exit == 0 ? Optional.of(true) : Optional.empty());
            assertThat(leftovers(root.resolve("bag"))).as("files left after the kill at step %d", step).isEmpty();
            if (exit == 0) {
                return;
            }
        }
    }

    private static List<String> leftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("#tmp-") || n.matches(".*#p[0-9].*"))
                    .toList();
        }
    }
}
