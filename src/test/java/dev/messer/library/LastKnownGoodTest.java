package dev.messer.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.AccessDeniedException;
import dev.messer.error.IntegrityException;
import dev.messer.error.UnavailableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastKnownGoodTest {

    @TempDir
    Path dir;

    private final MemoryStore store = new MemoryStore();
    private final List<String> warnings = new ArrayList<>();
    private Path file;
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeEach
    void setUp() {
        file = dir.resolve("copies/app.lkg");
        store.put("dev/bags/payments/db", "{\"ciphertext\":\"AAAA\"}".getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private LastKnownGoodStore open(Duration maxAge) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new LastKnownGoodStore(store, LastKnownGood.open(file, maxAge, clock, warnings::add));
    }

    @Test
    void readsAreKept_ownerOnly_andAnsweredFromTheCopyWhenTheStoreIsDown() throws Exception {
        LastKnownGoodStore online = open(Duration.ofDays(1));
        assertThat(online.get("dev/bags/payments/db")).isPresent();
        assertThat(online.list("dev/bags/")).containsExactly("dev/bags/payments/db");
        assertThat(online.get("dev/bags/payments/absent")).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");

        store.down = true;
        now = now.plus(Duration.ofHours(2));
        LastKnownGoodStore offline = open(Duration.ofDays(1));
        assertThat(new String(offline.get("dev/bags/payments/db").orElseThrow().content(), StandardCharsets.UTF_8))
                .isEqualTo("{\"ciphertext\":\"AAAA\"}");
        assertThat(offline.get("dev/bags/payments/absent")).isEmpty();
        assertThat(offline.list("dev/bags/")).containsExactly("dev/bags/payments/db");
        assertThat(warnings).singleElement().asString()
                .startsWith("messer: warning: S3 failed GetObject on memory after the retries")
                .endsWith("reading from the last-known-good copy " + file + " until restart");
        int reads = store.reads.get();
        offline.get("dev/bags/payments/db");
        assertThat(store.reads.get()).as("once down, the store is not waited on again").isEqualTo(reads);
    }

    @Test
    void listingsHandedOutKeyByKey_areKeptAsWhole_andAnsweredFromTheCopyWhenTheStoreIsDown() {
        store.put("dev/bags/payments/api", "{\"ciphertext\":\"BBBB\"}".getBytes(StandardCharsets.UTF_8), Map.of());
        List<String> online = new ArrayList<>();
        open(Duration.ofDays(1)).forEachKey("dev/bags/", online::add);
        assertThat(online).containsExactly("dev/bags/payments/api", "dev/bags/payments/db");

        store.down = true;
        List<String> offline = new ArrayList<>();
        open(Duration.ofDays(1)).forEachKey("dev/bags/", offline::add);
        assertThat(offline).containsExactly("dev/bags/payments/api", "dev/bags/payments/db");
        List<String> first = new ArrayList<>();
        open(Duration.ofDays(1)).forEachKey("dev/bags/", key -> first.add(key) && first.isEmpty());
        assertThat(first).containsExactly("dev/bags/payments/api");
    }

    @Test
    void anEntryOlderThanTheMaximumAge_isRefused() {
        open(Duration.ofHours(1)).get("dev/bags/payments/db");
        store.down = true;
        now = now.plus(Duration.ofHours(2));
        assertThatThrownBy(() -> open(Duration.ofHours(1)).get("dev/bags/payments/db"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("S3 failed GetObject")
                .hasMessageContaining("was read at 2026-01-01T00:00:00Z, longer ago than its maximum age of PT1H");
    }

    @Test
    void whatTheCopyNeverSaw_failsWithTheOutage() {
        open(Duration.ofDays(1)).get("dev/bags/payments/db");
        store.down = true;
        assertThatThrownBy(() -> open(Duration.ofDays(1)).get("dev/bags/payments/other"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("has no copy of memory://secrets/dev/bags/payments/other");
    }

    @Test
    void aCopyOthersMayRead_isRefused() throws Exception {
        open(Duration.ofDays(1)).get("dev/bags/payments/db");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> open(Duration.ofDays(1))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void aSymbolicLink_isRefused() throws Exception {
        Path target = dir.resolve("elsewhere.lkg");
        open(Duration.ofDays(1)).get("dev/bags/payments/db");
        Files.move(file, target);
        Files.createSymbolicLink(file, target);
        assertThatThrownBy(() -> open(Duration.ofDays(1))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("is a symbolic link");
    }

    @Test
    void aDamagedCopy_isRefusedWithTheFix() throws Exception {
        open(Duration.ofDays(1)).get("dev/bags/payments/db");
        Files.writeString(file, "{\"format\":1,\"entries\":{\"x\":{}}}");
        assertThatThrownBy(() -> open(Duration.ofDays(1))).isInstanceOf(IntegrityException.class)
                .hasMessage("the last-known-good copy " + file + " is damaged or not a messer copy; remove it with "
                        + "'rm " + file + "', and the next start-up writes it anew");
    }
}
