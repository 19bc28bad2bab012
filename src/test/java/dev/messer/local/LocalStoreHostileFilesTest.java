package dev.messer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.AccessDeniedException;
import dev.messer.error.IntegrityException;
import dev.messer.store.BlobVersion;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files planted in a local bucket by whoever can write it: metadata linked to an endless device or
 * far above any size messer writes, and version numbers at the end of the range. Each is reported
 * with one line that names the file; none reaches memory, and none breaks the numbering of new
 * versions.
 */
class LocalStoreHostileFilesTest {

    private static final String HIGHEST = "999999999999999999";

    @TempDir
    Path dir;

    private LocalBlobStore store() {
        return new LocalBlobStore(dir.resolve("bucket"), 10);
    }

    private Path file(String name) {
        return dir.resolve("bucket/bag").resolve(name);
    }

    @Test
    void versionMetadataLinkedToAnEndlessDevice_isRefused_byHistoryAndByReadingTheVersion() throws IOException {
        store().put("bag/db", bytes("one"), Map.of("messer-writer", "ann@host"));
        Files.delete(file("db#v1#meta"));
        Files.createSymbolicLink(file("db#v1#meta"), Path.of("/dev/zero"));

        assertThatThrownBy(() -> store().versions("bag/db")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("db#v1#meta").hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> store().getVersion("bag/db", "1")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("db#v1#meta");
    }

    @Test
    void itemMetadataLinkedToAnEndlessDevice_isRefused() throws IOException {
        store().put("bag/db", bytes("one"), Map.of("messer-writer", "ann@host"));
        Files.delete(file("db#meta"));
        Files.createSymbolicLink(file("db#meta"), Path.of("/dev/zero"));

        assertThatThrownBy(() -> store().get("bag/db")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("db#meta").hasMessageContaining("never follows");
    }

    @Test
    void itemMetadataOfThreeGigabytes_isRefusedBeforeItIsRead() throws IOException {
        store().put("bag/db", bytes("one"), Map.of("messer-writer", "ann@host"));
        sparse(file("db#meta"), 3L << 30);

        assertThatThrownBy(() -> store().get("bag/db")).isInstanceOf(IntegrityException.class)
                .hasMessageContaining("db#meta").hasMessageContaining("64 KiB");
    }

    @Test
    void versionMetadataAboveTheCap_isRefused_atTheCapItIsRead() throws IOException {
        store().put("bag/db", bytes("one"), Map.of());
        store().put("bag/db", bytes("two"), Map.of());
        sparse(file("db#v1#meta"), MetadataLines.MAX_BYTES + 1);
        Files.write(file("db#v2#meta"), ("#time=2026-01-02T03:04:05Z\npad=" + "x".repeat(
                MetadataLines.MAX_BYTES - 32) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(Files.size(file("db#v2#meta"))).isEqualTo(MetadataLines.MAX_BYTES);

        assertThatThrownBy(() -> store().versions("bag/db")).isInstanceOf(IntegrityException.class)
                .hasMessageContaining("db#v1#meta").hasMessageContaining("64 KiB");
        assertThat(store().getVersion("bag/db", "2").orElseThrow().metadata()).containsOnlyKeys("pad");
    }

    @Test
    void versionContentLinkedElsewhere_isRefusedByHistory() throws IOException {
        store().put("bag/db", bytes("one"), Map.of());
        Files.delete(file("db#v1"));
        Files.createSymbolicLink(file("db#v1"), Path.of("/dev/zero"));

        assertThatThrownBy(() -> store().versions("bag/db")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("db#v1");
        assertThatThrownBy(() -> store().getVersion("bag/db", "1")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("db#v1");
    }

    @Test
    void metadataTooLargeToReadBack_isRefusedOnWrite() {
        Map<String, String> huge = Map.of("pad", "x".repeat(MetadataLines.MAX_BYTES));
        assertThatThrownBy(() -> store().put("bag/db", bytes("one"), huge))
                .isInstanceOf(dev.messer.error.InvalidInputException.class).hasMessageContaining("64 KiB");
        assertThat(store().get("bag/db")).isEmpty();
    }

    @Test
    void plantedHighestVersionNumber_isListed_butAWriteAboveIt_isRefusedNamingTheFile() throws IOException {
        store().put("bag/new1", bytes("one"), Map.of());
        Files.write(file("new1#v" + HIGHEST), bytes("planted"));

        assertThatThrownBy(() -> store().put("bag/new1", bytes("two"), Map.of())).isInstanceOf(IntegrityException.class)
                .hasMessageContaining("new1#v" + HIGHEST).hasMessageContaining("rm ");
        assertThatThrownBy(() -> store().delete("bag/new1")).isInstanceOf(IntegrityException.class);

        assertThat(store().get("bag/new1").orElseThrow().content()).isEqualTo(bytes("one"));
        assertThat(store().versions("bag/new1").versions()).extracting(BlobVersion::id).containsExactly(HIGHEST, "1");
        assertThat(names()).noneMatch(n -> n.matches("new1#[pv][0-9]{19,}.*"));
        assertThat(store().getVersion("bag/new1", "1000000000000000000")).isEmpty();
        assertThat(store().getVersion("bag/new1", "99999999999999999999")).isEmpty();
    }

    @Test
    void afterThePlantedVersionIsRemoved_numberingGoesOn_andNoWriteOverwritesAnother() throws IOException {
        store().put("bag/new1", bytes("one"), Map.of());
        Files.write(file("new1#v" + HIGHEST), bytes("planted"));
        assertThatThrownBy(() -> store().put("bag/new1", bytes("two"), Map.of())).isInstanceOf(IntegrityException.class);
        Files.delete(file("new1#v" + HIGHEST));

        store().put("bag/new1", bytes("two"), Map.of());
        store().put("bag/new1", bytes("three"), Map.of());

        assertThat(store().versions("bag/new1").versions()).extracting(BlobVersion::id).containsExactly("3", "2", "1");
        assertThat(store().getVersion("bag/new1", "2").orElseThrow().content()).isEqualTo(bytes("two"));
    }

    @Test
    void versionNumbersOfNineteenDigits_areNotVersions_andPurgeRemovesThemWithTheRest() throws IOException {
        store().put("bag/db", bytes("one"), Map.of());
        Files.write(file("db#v1000000000000000000"), bytes("planted"));
        Files.write(file("db#v99999999999999999999#meta"), bytes("#time=x\n"));

        store().put("bag/db", bytes("two"), Map.of());

        assertThat(store().versions("bag/db").versions()).extracting(BlobVersion::id).containsExactly("2", "1");
        store().purge("bag/db");
        assertThat(dir.resolve("bucket/bag")).doesNotExist();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("bucket/bag"))) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static void sparse(Path file, long size) throws IOException {
        Files.deleteIfExists(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
