package dev.messer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.AlreadyExistsException;
import dev.messer.error.InvalidInputException;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.BlobStoreContract;
import dev.messer.store.BlobVersion;
import dev.messer.store.InterruptedWriteContract.Operation;
import dev.messer.store.VersionListing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path dir;

    private LocalBlobStore store;

    /** A new instance on the same folder each time, as separate commands would open it. */
    @Override
    protected BlobStore store() {
        return new LocalBlobStore(dir.resolve("bucket"), 10);
    }

    private LocalBlobStore local() {
        if (store == null) {
            store = new LocalBlobStore(dir.resolve("bucket"));
        }
        return store;
    }

    @Test
    void object_isAPlainFileAtItsKeyPath() throws IOException {
        local().put("dev/bag/item", bytes("content"), Map.of());
        assertThat(Files.readString(dir.resolve("bucket/dev/bag/item"))).isEqualTo("content");
    }

    @Test
    void folderMarker_isAHashFolderFileInsideTheFolder() {
        local().put("bag/", new byte[0], Map.of());
        assertThat(dir.resolve("bucket/bag/#folder")).isRegularFile();
        assertThat(local().list("")).containsExactly("bag/");
    }

    @Test
    void metadata_isAHashMetaSidecarOfSortedLines() throws IOException {
        local().put("key/0", bytes("w"), Map.of("b", "2", "a", "x=y"));
        assertThat(Files.readString(dir.resolve("bucket/key/0#meta"))).isEqualTo("a=x=y\nb=2\n");
        assertThat(local().get("key/0").orElseThrow().metadata()).containsOnly(Map.entry("a", "x=y"), Map.entry("b", "2"));
        assertThat(local().list("")).containsExactly("key/0");
    }

    @Test
    void metadata_thatCannotBeWrittenAsLines_isRefused() {
        assertThatThrownBy(() -> local().put("k", bytes("x"), Map.of("a", "line\nbreak")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> local().put("k", bytes("x"), Map.of("a=b", "v")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(local().get("k")).isEmpty();
    }

    @Test
    void etag_isTheHexSha256OfTheContent() {
        local().put("k", bytes("abc"), Map.of());
        assertThat(local().get("k").orElseThrow().etag())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void foldersAndFiles_areCreatedOwnerOnly() throws IOException {
        local().put("bag/item", bytes("secret-ish"), Map.of("m", "1"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("bucket/bag"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("bucket/bag/item"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("bucket/bag/item#meta"))))
                .isEqualTo("rw-------");
    }

    @Test
    void write_leavesNoTemporaryFilesBehind() throws IOException {
        for (int i = 0; i < 5; i++) {
            local().put("bag/item", bytes("v" + i), Map.of());
        }
        local().putIfAbsent("bag/other", bytes("x"), Map.of());
        try (Stream<Path> files = Files.list(dir.resolve("bucket/bag"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("item", "other");
        }
    }

    @Test
    void delete_prunesFoldersLeftEmptyButNotTheBucketFolder() {
        local().put("dev/bag/item", bytes("x"), Map.of());
        local().delete("dev/bag/item");
        assertThat(dir.resolve("bucket/dev")).doesNotExist();
        assertThat(dir.resolve("bucket")).isDirectory();
    }

    @Test
    void delete_keepsAFolderThatStillHoldsItsMarker() {
        local().put("bag/", new byte[0], Map.of());
        local().put("bag/item", bytes("x"), Map.of());
        local().delete("bag/item");
        assertThat(local().list("")).containsExactly("bag/");
    }

    @Test
    void delete_ofAKeyThatIsAFolderOfOtherObjects_isANoOp() {
        local().put("a/b", bytes("x"), Map.of());
        local().delete("a");
        assertThat(local().list("")).containsExactly("a/b");
    }

    @Test
    void list_ignoresLockTemporaryAndSidecarFiles() throws IOException {
        local().putIfAbsent("k/0", bytes("x"), Map.of("m", "1"));
        Files.writeString(dir.resolve("bucket/k/#tmp-leftover"), "partial");
        assertThat(dir.resolve("bucket/#lock")).exists();
        assertThat(local().list("")).containsExactly("k/0");
    }

    @Test
    void forEachKey_thatStops_readsNoFolderAfterIt_whileTheWholeListingReadsThemAll() throws IOException {
        local().put("a/1", bytes("x"), Map.of());
        local().put("b/1", bytes("x"), Map.of());
        Files.createSymbolicLink(dir.resolve("bucket/b/2"), Path.of("/dev/zero"));
        List<String> first = new ArrayList<>();

        local().forEachKey("", key -> !first.add(key));

        assertThat(first).containsExactly("a/1");
        assertThatThrownBy(() -> local().list("")).isInstanceOf(dev.messer.error.AccessDeniedException.class)
                .hasMessageContaining("symbolic link");
        Files.delete(dir.resolve("bucket/b/2"));
    }

    @Test
    void forEachKey_whileAnotherProcessDeletesTheLastItemOfALaterFolder_goesOnWithoutIt() throws Exception {
        Path root = dir.resolve("bucket");
        local().put("a/1", bytes("x"), Map.of());
        local().put("b/1", bytes("x"), Map.of());
        List<String> seen = new ArrayList<>();

        local().forEachKey("", key -> {
            seen.add(key);
            if (key.equals("a/1")) {
                try {
                    assertThat(HaltedOperation.inChild(root, 0, Operation.DELETE, "b/1", "-", Integer.MAX_VALUE)).isZero();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                assertThat(root.resolve("b")).as("the other process removed the emptied folder").doesNotExist();
            }
            return true;
        });

        assertThat(seen).containsExactly("a/1");
    }

    @Test
    void list_ofAMissingBucketFolder_isEmpty() {
        assertThat(new LocalBlobStore(dir.resolve("absent")).list("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a#b", "bag/#folder", "x#meta", "../escape", "a/../b", "/abs", "a//b", "./a", "a/.",
            "", "a\\b", "nul\u0000byte"})
    void invalidKeys_areRefusedBeforeTouchingTheDisk(String key) throws IOException {
        assertThatThrownBy(() -> local().put(key, bytes("x"), Map.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> local().get(key)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> local().delete(key)).isInstanceOf(InvalidInputException.class);
        assertThat(dir.resolve("escape")).doesNotExist();
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void putIfAbsent_fromSeparateInstancesOnOneFolder_exactlyOneWins() throws Exception {
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            LocalBlobStore own = new LocalBlobStore(dir.resolve("bucket"));
            byte[] content = bytes("writer-" + i);
            tasks.add(() -> {
                try {
                    own.putIfAbsent("k/0", content, Map.of());
                    return true;
                } catch (AlreadyExistsException e) {
                    return false;
                }
            });
        }
        assertThat(runTogether(tasks)).containsOnlyOnce(true);
    }

    @Test
    void reader_neverSeesATornObject_norContentPairedWithAnotherVersionsMetadata() throws Exception {
        byte[] a = bytes("A".repeat(200_000));
        byte[] b = bytes("B".repeat(150_000));
        local().put("obj", a, Map.of("version", "A"));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> problem = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            LocalBlobStore own = new LocalBlobStore(dir.resolve("bucket"));
            for (int i = 0; i < 60 && problem.get() == null; i++) {
                own.put("obj", i % 2 == 0 ? b : a, Map.of("version", i % 2 == 0 ? "B" : "A"));
            }
            stop.set(true);
        });
        writer.start();
        int reads = 0;
        while (!stop.get() || reads == 0) {
            Blob blob = local().get("obj").orElseThrow();
            String version = blob.metadata().get("version");
            byte[] expected = "A".equals(version) ? a : b;
            if (!java.util.Arrays.equals(blob.content(), expected)) {
                problem.set("read " + blob.content().length + " bytes with metadata version " + version);
                break;
            }
            reads++;
        }
        writer.join();
        assertThat(problem.get()).isNull();
        assertThat(reads).isPositive();
    }

    @Test
    void versions_beyondTheLimit_areDropped_oldestFirst_andNumbersKeepGrowing() {
        LocalBlobStore store = new LocalBlobStore(dir.resolve("bucket"), 3);
        for (int i = 1; i <= 5; i++) {
            store.put("bag/item", bytes("v" + i), Map.of());
        }
        VersionListing listing = store.versions("bag/item");
        assertThat(listing.versions()).extracting(BlobVersion::id).containsExactly("5", "4", "3");
        assertThat(store.getVersion("bag/item", "3").orElseThrow().content()).isEqualTo(bytes("v3"));
        assertThat(store.getVersion("bag/item", "2")).isEmpty();
        assertThat(dir.resolve("bucket/bag/item#v2")).doesNotExist();
        assertThat(dir.resolve("bucket/bag/item#v2#meta")).doesNotExist();
        store.delete("bag/item");
        store.put("bag/item", bytes("v7"), Map.of());
        assertThat(store.versions("bag/item").versions()).extracting(BlobVersion::id).containsExactly("7", "6", "5");
    }

    @Test
    void versions_areFilesBesideTheItem_ownerOnly_andTheLockedWriteLeavesNoTemporaryFiles() throws IOException {
        LocalBlobStore store = new LocalBlobStore(dir.resolve("bucket"), 10);
        store.put("bag/item", bytes("v1"), Map.of("messer-writer", "ann@host"));
        store.put("bag/item", bytes("v2"), Map.of());
        try (Stream<Path> files = Files.list(dir.resolve("bucket/bag"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("item", "item#v1", "item#v1#meta", "item#v2", "item#v2#meta");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("bucket/bag/item#v1"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("bucket/bag/item#v1#meta"))).contains("messer-writer=ann@host\n");
        assertThat(store.getVersion("bag/item", "1").orElseThrow().metadata())
                .containsExactly(Map.entry("messer-writer", "ann@host"));
        assertThat(store.get("bag/item").orElseThrow().metadata()).isEmpty();
    }

    @Test
    void anItemWrittenBeforeVersionsWereKept_isVersionZero_andItsNextWriteKeepsIt() {
        local().put("bag/item", bytes("old"), Map.of("m", "1"));
        LocalBlobStore store = new LocalBlobStore(dir.resolve("bucket"), 10);
        assertThat(store.versions("bag/item").versions()).extracting(BlobVersion::id).containsExactly("0");
        assertThat(store.getVersion("bag/item", "0").orElseThrow().content()).isEqualTo(bytes("old"));

        store.put("bag/item", bytes("new"), Map.of());

        assertThat(store.versions("bag/item").versions()).extracting(BlobVersion::id).containsExactly("1", "0");
        Blob old = store.getVersion("bag/item", "0").orElseThrow();
        assertThat(old.content()).isEqualTo(bytes("old"));
        assertThat(old.metadata()).containsExactly(Map.entry("m", "1"));
    }

    @Test
    void withoutKeptVersions_historyIsTheCurrentObjectOnly_andSaysSo() {
        local().put("bag/item", bytes("one"), Map.of());
        local().put("bag/item", bytes("two"), Map.of());
        VersionListing listing = local().versions("bag/item");
        assertThat(listing.kept()).isFalse();
        assertThat(listing.versions()).extracting(BlobVersion::id).containsExactly("0");
        assertThat(local().getVersion("bag/item", "0").orElseThrow().content()).isEqualTo(bytes("two"));
        local().delete("bag/item");
        assertThat(local().versions("bag/item").versions()).isEmpty();
    }

    @Test
    void metadataNamesStartingWithHash_areRefused_asTheStoreKeepsThemForItself() {
        assertThatThrownBy(() -> local().put("k", bytes("x"), Map.of("#time", "now")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void deletingABagFolderMarker_keepsNoVersionOfIt() {
        LocalBlobStore store = new LocalBlobStore(dir.resolve("bucket"), 10);
        store.put("bag/", new byte[0], Map.of());
        store.delete("bag/");
        assertThat(dir.resolve("bucket/bag")).doesNotExist();
    }

    @Test
    void describe_isTheFolderPath() {
        assertThat(local().describe()).isEqualTo(dir.resolve("bucket").toAbsolutePath().normalize().toString());
    }

    @Test
    void objectAboveTheCap_isRefusedBeforeItIsRead() throws IOException {
        local().put("dev/bag/big", new byte[0], Map.of());
        Files.write(dir.resolve("bucket/dev/bag/big"), new byte[BlobStore.MAX_OBJECT_BYTES + 1]);

        assertThatThrownBy(() -> local().get("dev/bag/big"))
                .isInstanceOf(dev.messer.error.IntegrityException.class)
                .hasMessageContaining("dev/bag/big").hasMessageContaining("4 MiB cap");
    }

    @Test
    void objectAtTheCap_isRead() throws IOException {
        local().put("dev/bag/full", new byte[0], Map.of());
        Files.write(dir.resolve("bucket/dev/bag/full"), new byte[BlobStore.MAX_OBJECT_BYTES]);
        assertThat(local().get("dev/bag/full").orElseThrow().content()).hasSize(BlobStore.MAX_OBJECT_BYTES);
    }

    @Test
    void objectLinkedToAnEndlessDevice_isRefusedWithoutReading() throws IOException {
        local().put("dev/bag/zero", new byte[0], Map.of());
        Path object = dir.resolve("bucket/dev/bag/zero");
        Files.delete(object);
        Files.createSymbolicLink(object, Path.of("/dev/zero"));

        assertThatThrownBy(() -> local().get("dev/bag/zero"))
                .isInstanceOf(dev.messer.error.AccessDeniedException.class).hasMessageContaining("symbolic link")
                .hasMessageContaining("never follows");
    }
}
