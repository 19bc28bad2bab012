package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.keys.KeyRing;
import dev.messer.keys.TestKeyRing;
import dev.messer.local.LocalBlobStore;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.CountingBlobStore;
import dev.messer.store.ForwardingBlobStore;
import dev.messer.store.MemoryBlobStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What an upload costs in requests, on every store: the bag, its listing and the key version are
 * resolved once per command; then a new item is one conditional create, and a replaced item one
 * read and one conditional replace. On the local store item history is kept ({@code local_versions}):
 * keeping old versions costs file operations inside the store, not requests.
 */
class UploadRequestCountTest {

    private static final int ITEMS = 10;

    /** The stores the counts hold for. */
    enum Store {
        MEMORY(dir -> new MemoryBlobStore()),
        LOCAL(dir -> new LocalBlobStore(dir, 10));

        private final Function<Path, BlobStore> open;

        Store(Function<Path, BlobStore> open) {
            this.open = open;
        }
    }

    @TempDir
    Path dir;
    private final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");
    private CountingBlobStore secrets;
    private CountingBlobStore keysBucket;
    private TestBucket bucket;
    private ItemService items;

    private void open(Store store) {
        secrets = new CountingBlobStore(store.open.apply(dir.resolve("secrets")));
        keysBucket = new CountingBlobStore(store.open.apply(dir.resolve("keys")));
        KeyRing ring = TestKeyRing.of(keysBucket, master);
        bucket = TestBucket.of(secrets, new SecretsLayout("dev", ""), ring);
        items = bucket.items;
        ring.create("app");
        bucket.bags.createBag("payments");
        secrets.resetCounts();
        keysBucket.resetCounts();
    }

    @AfterEach
    void wipe() {
        if (bucket != null) {
            bucket.close();
        }
        master.close();
    }

    private BagUpload start() {
        return items.startUpload("payments", "app", OptionalInt.empty());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void newItems_costOneConditionalPutEach_plusAConstantPerCommand(Store store) {
        open(store);
        BagUpload upload = start();
        int secretsSetUp = secrets.requestCount();
        int keysSetUp = keysBucket.requestCount();

        TestItems.putNumbered(upload, ITEMS, "v", false);

        assertThat(secrets.requestCount() - secretsSetUp).isEqualTo(ITEMS);
        assertThat(secrets.putCount()).isEqualTo(ITEMS);
        assertThat(keysBucket.requestCount()).as("the data key is resolved once per run").isEqualTo(keysSetUp);
        assertThat(secretsSetUp).isLessThanOrEqualTo(2);
        assertThat(secretsSetUp + keysSetUp).isLessThanOrEqualTo(4);
        assertThat(bucket.bags.listItems("payments")).hasSize(ITEMS);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void replacedItems_costOneReadAndOneConditionalPutEach(Store store) {
        open(store);
        TestItems.putNumbered(start(), ITEMS, "old", false);
        BagUpload again = start();
        secrets.resetCounts();
        keysBucket.resetCounts();

        TestItems.putNumbered(again, ITEMS, "new", true);

        assertThat(secrets.getCount()).isEqualTo(ITEMS);
        assertThat(secrets.putCount()).isEqualTo(ITEMS);
        assertThat(secrets.requestCount()).isEqualTo(2 * ITEMS);
        assertThat(keysBucket.requestCount()).isZero();
        assertThat(secrets.versions("dev/payments/item0").versions()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void replacingWithTheSameContent_costsOneReadAndNoWrite_andAddsNoVersion(Store store) {
        open(store);
        TestItems.putNumbered(start(), ITEMS, "same", false);
        BagUpload again = start();
        secrets.resetCounts();

        for (int i = 0; i < ITEMS; i++) {
            assertThat(again.put(TestItems.withPassword("item" + i, "same"), true)).isEqualTo(BagUpload.Outcome.UNCHANGED);
        }

        assertThat(secrets.getCount()).isEqualTo(ITEMS);
        assertThat(secrets.putCount()).isZero();
        assertThat(secrets.versions("dev/payments/item0").versions()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void existingItem_withoutReplace_isRefusedBeforeAnyRequest(Store store) {
        open(store);
        start().put(TestItems.withPassword("db", "one"), false);
        BagUpload upload = start();
        secrets.resetCounts();

        assertThatThrownBy(() -> upload.put(TestItems.withPassword("db", "two"), false))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("add --force");
        assertThat(secrets.requestCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void itemCreatedByAnotherWriterAfterTheListing_isNeverOverwrittenWithoutReplace(Store store) {
        open(store);
        BagUpload upload = start();
        start().put(TestItems.withPassword("db", "theirs"), false);
        Blob theirs = secrets.get("dev/payments/db").orElseThrow();

        assertThatThrownBy(() -> upload.put(TestItems.withPassword("db", "mine"), false))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(secrets.get("dev/payments/db").orElseThrow().etag()).isEqualTo(theirs.etag());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void itemChangedByAnotherWriterBetweenReadAndWrite_isAConflict_notALostUpdate(Store store) {
        open(store);
        start().put(TestItems.withPassword("db", "one"), false);
        ForwardingBlobStore racing = new ForwardingBlobStore(secrets) {
            @Override
            protected void beforeConditionalWrite(String key) {
                secrets.put(key, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
            }
        };
        TestBucket racingBucket = TestBucket.on(racing, new SecretsLayout("dev", ""), bucket.ring).keys(bucket.keys)
                .build();
        BagUpload upload = racingBucket.items.startUpload("payments", "app", OptionalInt.empty());

        assertThatThrownBy(() -> upload.put(TestItems.withPassword("db", "mine"), true))
                .isInstanceOf(ConflictException.class);
        assertThat(new String(secrets.get("dev/payments/db").orElseThrow().content(), StandardCharsets.UTF_8))
                .isEqualTo("{}");
    }
}
