package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.error.NotFoundException;
import dev.messer.keys.TestKeyRing;
import dev.messer.keys.KeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.Blob;
import dev.messer.store.ForwardingBlobStore;
import dev.messer.store.MemoryBlobStore;
import dev.messer.store.VersionListing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ItemHistory#list} in pages: one listing per call, one read per version on the page and no more. */
class ItemHistoryPagingTest {

    private static final int WRITES = 7;

    private final AtomicInteger listings = new AtomicInteger();
    private final AtomicInteger versionReads = new AtomicInteger();
    private final ForwardingBlobStore secrets = new ForwardingBlobStore(new MemoryBlobStore()) {
        @Override
        public VersionListing versions(String key) {
            listings.incrementAndGet();
            return super.versions(key);
        }

        @Override
        public Optional<Blob> getVersion(String key, String versionId) {
            versionReads.incrementAndGet();
            return super.getVersion(key, versionId);
        }
    };
    private final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");
    private final KeyRing ring = TestKeyRing.of(new MemoryBlobStore(), master);
    private final TestBucket bucket = TestBucket.of(secrets, new SecretsLayout("dev", ""), ring);
    private final ItemService history = bucket.items;
    private List<String> all;

    @BeforeEach
    void seed() {
        ring.create("app");
        bucket.bags.createBag("app");
        for (int i = 0; i < WRITES; i++) {
            TestItems.upload(bucket.items, "app", ItemDocument.parse(("{\"id\":\"db\",\"n\":" + i + "}")
                    .getBytes(StandardCharsets.UTF_8), "test"), "app", OptionalInt.empty(), true);
        }
        all = ids(history.history("app", "db", Optional.empty(), 0));
        listings.set(0);
        versionReads.set(0);
    }

    @AfterEach
    void wipe() {
        bucket.close();
        master.close();
    }

    private static List<String> ids(ItemHistory.History page) {
        return page.versions().stream().map(ItemVersion::version).toList();
    }

    @Test
    void firstPage_isTheNewestVersions_andCountsTheOlderOnes_withOneListingAndOneReadPerVersionShown() {
        ItemHistory.History page = history.history("app", "db", Optional.empty(), 3);

        assertThat(ids(page)).isEqualTo(all.subList(0, 3));
        assertThat(page.older()).isEqualTo(WRITES - 3);
        assertThat(listings).hasValue(1);
        assertThat(versionReads).hasValue(3);
    }

    @Test
    void before_continuesAfterTheLastVersionShown_untilNothingIsLeft() {
        ItemHistory.History second = history.history("app", "db", Optional.of(all.get(2)), 3);
        ItemHistory.History third = history.history("app", "db", Optional.of(all.get(5)), 3);
        ItemHistory.History past = history.history("app", "db", Optional.of(all.get(WRITES - 1)), 3);

        assertThat(ids(second)).isEqualTo(all.subList(3, 6));
        assertThat(second.older()).isEqualTo(1);
        assertThat(ids(third)).containsExactly(all.get(6));
        assertThat(third.older()).isZero();
        assertThat(past.versions()).isEmpty();
        assertThat(past.older()).isZero();
        assertThat(listings).hasValue(3);
    }

    @Test
    void limitZero_listsEveryVersion() {
        ItemHistory.History page = history.history("app", "db", Optional.empty(), 0);

        assertThat(ids(page)).isEqualTo(all).hasSize(WRITES);
        assertThat(page.older()).isZero();
    }

    @Test
    void before_anUnknownVersion_isNotFound_namingTheHistoryCommand() {
        assertThatThrownBy(() -> history.history("app", "db", Optional.of("999"), 3))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("has no version '999'")
                .hasMessageContaining("data bag history");
        assertThat(versionReads).hasValue(0);
    }
}
