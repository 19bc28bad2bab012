package dev.messer.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.store.BlobVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bucket as earlier releases left it: kept versions without pending files, an item from before
 * versions were kept, the metadata of a version whose content a crash never wrote, and temporary
 * files of killed writes. It still reads, writes and purges, and its first write cleans it up.
 */
class LocalStoreOldLayoutTest {

    @TempDir
    Path dir;

    private Path bag;

    @BeforeEach
    void writeTheOldLayout() throws IOException {
        bag = Files.createDirectories(dir.resolve("bucket/bag"));
        for (int n = 1; n <= 3; n++) {
            write("db#v" + n, "value " + n);
            write("db#v" + n + "#meta", "#time=2025-01-0" + n + "T00:00:00Z\nmesser-writer=ann@old\n");
        }
        write("db", "value 3");
        write("db#meta", "messer-writer=ann@old\n");
        write("db#v4#meta", "#time=2025-01-04T00:00:00Z\nmesser-writer=cut@short\n");
        write("#tmp-1234567", "{\"id\":\"db\",\"encrypted_da");
        write("#tmp-7654321", "");
        write("plain", "before versions");
        write("plain#meta", "messer-writer=bob@old\n");
    }

    private LocalBlobStore store() {
        return new LocalBlobStore(dir.resolve("bucket"), 10);
    }

    @Test
    void reads_itemsVersionsAndHistory_asTheyWereWritten() {
        assertThat(store().list("")).containsExactly("bag/db", "bag/plain");
        assertThat(store().get("bag/db").orElseThrow().metadata()).containsExactly(Map.entry("messer-writer", "ann@old"));
        assertThat(store().versions("bag/db").versions()).extracting(BlobVersion::id).containsExactly("3", "2", "1");
        assertThat(text(store().getVersion("bag/db", "2").orElseThrow().content())).isEqualTo("value 2");
        assertThat(store().versions("bag/plain").versions()).extracting(BlobVersion::id).containsExactly("0");
        assertThat(text(store().getVersion("bag/plain", "0").orElseThrow().content())).isEqualTo("before versions");
    }

    @Test
    void writes_numberOnAboveTheKeptVersions_andSweepTheLeftovers() throws IOException {
        store().put("bag/db", bytes("value 4"), Map.of("messer-writer", "cy@new"));
        store().put("bag/plain", bytes("after versions"), Map.of("messer-writer", "cy@new"));

        assertThat(store().versions("bag/db").versions()).extracting(BlobVersion::id).containsExactly("4", "3", "2", "1");
        assertThat(store().getVersion("bag/db", "4").orElseThrow().metadata())
                .containsExactly(Map.entry("messer-writer", "cy@new"));
        assertThat(store().getVersion("bag/db", "3").orElseThrow().metadata())
                .containsExactly(Map.entry("messer-writer", "ann@old"));
        assertThat(store().versions("bag/plain").versions()).extracting(BlobVersion::id).containsExactly("1", "0");
        assertThat(store().getVersion("bag/plain", "0").orElseThrow().metadata())
                .containsExactly(Map.entry("messer-writer", "bob@old"));
        assertThat(names()).noneMatch(n -> n.startsWith("#tmp-") || n.contains("#p"));
    }

    @Test
    void deletes_andPurges_everyFileOfTheItem() throws IOException {
        store().delete("bag/db");
        assertThat(store().versions("bag/db").versions()).extracting(BlobVersion::deleted)
                .containsExactly(true, false, false, false);

        store().purge("bag/db");
        store().purge("bag/plain");

        assertThat(dir.resolve("bucket/bag")).doesNotExist();
        assertThat(store().list("")).isEmpty();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(bag)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(bag.resolve(name), content);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
