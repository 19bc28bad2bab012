package dev.messer.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.error.UnavailableException;
import dev.messer.files.SmallTmpfs;
import dev.messer.store.BlobVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes and deletes on a real full file system: a 2 MiB tmpfs, filled up and then given back one
 * page more before each attempt, so that every step of a write runs out of space in some round.
 * After every attempt, failed or not, the newest kept version holds what the item holds, no version
 * holds a value the item never held, and a failed attempt left the history as it was.
 */
public final class LocalStoreFullDiskIT {

    private static final int PAGE = 4096;
    private static final int VALUE_BYTES = 40 * 1024;
    private static final int ROUNDS = 2 * VALUE_BYTES / PAGE + 8;

    @TempDir
    Path dir;

    @Test
    void everyWriteAndDeleteOnAFullDisk_leavesHistoryTrue() throws Exception {
        Path mountPoint = Files.createDirectory(dir.resolve("tmpfs"));
        SmallTmpfs.run(mountPoint, "2m", LocalStoreFullDiskIT::scenario, LocalStoreFullDiskIT.class);
    }

    /** Entry point of the child JVM when the tmpfs is mounted in a private namespace. */
    public static void main(String[] args) throws Exception {
        scenario(Path.of(args[0]));
    }

    static void scenario(Path disk) throws IOException {
        for (int keep : new int[] {1, 3}) {
            Path bucket = disk.resolve("bucket-" + keep);
            int failedWrites = runRounds(new LocalBlobStore(bucket, keep), disk.resolve("filler"));
            assertThat(failedWrites).as("writes that ran out of space with local_versions = %d", keep).isPositive();
            Files.delete(disk.resolve("filler"));
            deleteTree(bucket);
        }
    }

    /** @return how many writes failed */
    private static int runRounds(LocalBlobStore store, Path filler) throws IOException {
        String key = "bag/db";
        String doomed = "bag/gone";
        Set<String> held = new HashSet<>();
        byte[] current = value("initial");
        store.put(key, current, Map.of("messer-writer", "initial"));
        store.put(doomed, value("doomed"), Map.of());
        held.add(text(current));
        boolean deleted = false;
        int failed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            fill(filler, round);
            List<String> before = ids(store, key);
            byte[] next = value("round-" + round);
            try {
                store.put(key, next, Map.of("messer-writer", "round-" + round));
                current = next;
                held.add(text(next));
            } catch (UnavailableException e) {
                failed++;
                assertThat(e.getMessage()).contains("No space left on device");
                assertThat(ids(store, key)).as("history after the failed write of round %d", round).isEqualTo(before);
            }
            checkHistory(store, key, current, held, round);
            if (!deleted) {
                deleted = tryDelete(store, doomed, round);
            }
        }
        assertThat(deleted).as("the delete went through once there was room").isTrue();
        return failed;
    }

    private static boolean tryDelete(LocalBlobStore store, String key, int round) {
        List<String> before = ids(store, key);
        try {
            store.delete(key);
        } catch (UnavailableException e) {
            assertThat(store.get(key)).as("the item after a failed delete in round %d", round).isPresent();
            assertThat(ids(store, key)).isEqualTo(before);
            return false;
        }
        assertThat(store.get(key)).isEmpty();
        List<BlobVersion> versions = store.versions(key).versions();
        assertThat(versions.get(0).deleted()).isTrue();
        assertThat(versions.stream().filter(BlobVersion::deleted)).hasSize(1);
        return true;
    }

    /** The newest version holds the item's bytes, and every version holds a value the item held. */
    private static void checkHistory(LocalBlobStore store, String key, byte[] current, Set<String> held, int round) {
        assertThat(store.get(key).orElseThrow().content()).as("the item in round %d", round).isEqualTo(current);
        List<BlobVersion> versions = store.versions(key).versions();
        assertThat(versions).as("versions in round %d", round).isNotEmpty();
        byte[] newest = store.getVersion(key, versions.get(0).id()).orElseThrow().content();
        assertThat(text(newest)).as("the newest version in round %d", round).isEqualTo(text(current));
        for (BlobVersion v : versions) {
            assertThat(held).as("version %s in round %d", v.id(), round)
                    .contains(text(store.getVersion(key, v.id()).orElseThrow().content()));
        }
    }

    /** Fills the disk, then frees {@code pages} pages. */
    private static void fill(Path filler, int pages) throws IOException {
        byte[] chunk = new byte[PAGE];
        try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException full) {
            // the disk is full
        }
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.WRITE)) {
            long size = channel.size() / PAGE * PAGE;
            channel.truncate(Math.max(0, size - (long) pages * PAGE));
        }
    }

    private static List<String> ids(LocalBlobStore store, String key) {
        return store.versions(key).versions().stream().map(v -> v.id() + (v.deleted() ? "-deleted" : "")).toList();
    }

    private static byte[] value(String label) {
        byte[] bytes = new byte[VALUE_BYTES];
        Arrays.fill(bytes, (byte) '.');
        byte[] head = label.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).replaceAll("\\.+$", "");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
