package dev.messer.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.files.FileTrust;
import dev.messer.store.BlobStore;
import dev.messer.store.BlobVersion;
import dev.messer.store.InterruptedWriteContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link InterruptedWriteContract} on the local store: a failure injected at each of its file
 * steps, once or from then on: with one kept version (where a wrong prune loses the current one),
 * and with three on a bucket written before versions were kept (its objects become version 0 first).
 * A deletion is recorded only for an object that was there.
 */
class LocalStoreInterruptedWriteTest {

    @TempDir
    Path dir;

    @Test
    void deletingAnAbsentObject_recordsNoDeletion() {
        LocalBlobStore store = new LocalBlobStore(dir.resolve("bucket"), 3);
        store.delete("bag/never");
        assertThat(store.versions("bag/never").versions()).isEmpty();

        store.put("bag/item", "one".getBytes(StandardCharsets.UTF_8), Map.of());
        store.delete("bag/item");
        List<BlobVersion> before = store.versions("bag/item").versions();
        store.delete("bag/item");

        assertThat(store.versions("bag/item").versions()).isEqualTo(before);
    }

    private abstract class Keeping extends InterruptedWriteContract {

        private final int keep;

        Keeping(int keep) {
            this.keep = keep;
        }

        @Override
        protected BlobStore store() {
            return new LocalBlobStore(dir.resolve("bucket"), keep);
        }

        @Override
        protected Faulty failingAt(int step, boolean andLater) {
            CountedFileSteps steps = new CountedFileSteps(step,
                    andLater ? CountedFileSteps.Fault.FAIL_FROM_THEN_ON : CountedFileSteps.Fault.FAIL_ONCE);
            return new Faulty(new LocalBlobStore(dir.resolve("bucket"), keep, FileTrust.currentUser(), steps), steps::struck);
        }
    }

    @Nested
    class KeepingOneVersion extends Keeping {
        KeepingOneVersion() {
            super(1);
        }
    }

    @Nested
    class OnABucketWrittenBeforeVersionsWereKept extends Keeping {
        OnABucketWrittenBeforeVersionsWereKept() {
            super(3);
        }

        @Override
        protected BlobStore preparingStore() {
            return new LocalBlobStore(dir.resolve("bucket"));
        }
    }
}
