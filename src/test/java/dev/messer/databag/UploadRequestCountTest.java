package dev.messer.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.keys.DataKeyCache;
import dev.messer.keys.KeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.Blob;
import dev.messer.store.ForwardingBlobStore;
import dev.messer.store.MemoryBlobStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an upload costs in requests: the bag, its listing and the key version are resolved once per
 * command; then a new item is one conditional create, and a replaced item one read and one
 * conditional replace.
 */
class UploadRequestCountTest {

    private static final int ITEMS = 10;

    private final MemoryBlobStore secrets = new MemoryBlobStore();
    private final MemoryBlobStore keysBucket = new MemoryBlobStore();
    private final LocalMasterKey master = new LocalMasterKey(DataKey.random(), "test master key");
    private final KeyRing ring = new KeyRing(keysBucket, () -> master, EncryptionContext.empty(), true);
    private final DataKeyCache keys = new DataKeyCache(ring);
    private final DataBagService bags = new DataBagService(secrets, new SecretsLayout("dev", ""), EnvelopeVersion.V2);

    @BeforeEach
    void setUp() {
        ring.create("app");
        bags.createBag("payments");
        secrets.resetCounts();
        keysBucket.resetCounts();
    }

    @AfterEach
    void wipe() {
        keys.close();
        master.close();
    }

    @Test
    void newItems_costOneConditionalPutEach_plusAConstantPerCommand() {
        BagUpload upload = bags.startUpload("payments", "app", OptionalInt.empty(), keys);
        int secretsSetUp = secrets.requestCount();
        int keysSetUp = keysBucket.requestCount();

        TestItems.putNumbered(upload, ITEMS, "v", false);

        assertThat(secrets.requestCount() - secretsSetUp).isEqualTo(ITEMS);
        assertThat(secrets.putCount()).isEqualTo(ITEMS);
        assertThat(keysBucket.requestCount()).isEqualTo(keysSetUp);
        assertThat(secretsSetUp + keysSetUp).isLessThanOrEqualTo(4);
        assertThat(bags.listItems("payments")).hasSize(ITEMS);
    }

    @Test
    void replacedItems_costOneReadAndOneConditionalPutEach() {
        BagUpload first = bags.startUpload("payments", "app", OptionalInt.empty(), keys);
        TestItems.putNumbered(first, ITEMS, "old", false);
        BagUpload again = bags.startUpload("payments", "app", OptionalInt.empty(), keys);
        secrets.resetCounts();

        TestItems.putNumbered(again, ITEMS, "new", true);

        assertThat(secrets.getCount()).isEqualTo(ITEMS);
        assertThat(secrets.putCount()).isEqualTo(ITEMS);
        assertThat(secrets.requestCount()).isEqualTo(2 * ITEMS);
    }

    @Test
    void replacingWithTheSameContent_costsOneReadAndNoWrite_andAddsNoVersion() {
        BagUpload first = bags.startUpload("payments", "app", OptionalInt.empty(), keys);
        TestItems.putNumbered(first, ITEMS, "same", false);
        BagUpload again = bags.startUpload("payments", "app", OptionalInt.empty(), keys);
        secrets.resetCounts();

        for (int i = 0; i < ITEMS; i++) {
            assertThat(again.put(TestItems.withPassword("item" + i, "same"), true)).isEqualTo(BagUpload.Outcome.UNCHANGED);
        }

        assertThat(secrets.getCount()).isEqualTo(ITEMS);
        assertThat(secrets.putCount()).isZero();
        assertThat(secrets.versions("dev/payments/item0").versions()).hasSize(1);
    }

    @Test
    void existingItem_withoutReplace_isRefusedBeforeAnyRequest() {
        bags.startUpload("payments", "app", OptionalInt.empty(), keys).put(TestItems.withPassword("db", "one"), false);
        BagUpload upload = bags.startUpload("payments", "app", OptionalInt.empty(), keys);
        secrets.resetCounts();

        assertThatThrownBy(() -> upload.put(TestItems.withPassword("db", "two"), false)).isInstanceOf(AlreadyExistsException.class)
                .hasMessageContaining("add --force");
        assertThat(secrets.requestCount()).isZero();
    }

    @Test
    void itemCreatedByAnotherWriterAfterTheListing_isNeverOverwrittenWithoutReplace() {
        BagUpload upload = bags.startUpload("payments", "app", OptionalInt.empty(), keys);
        bags.startUpload("payments", "app", OptionalInt.empty(), keys).put(TestItems.withPassword("db", "theirs"), false);
        Blob theirs = secrets.get("dev/payments/db").orElseThrow();

        assertThatThrownBy(() -> upload.put(TestItems.withPassword("db", "mine"), false)).isInstanceOf(AlreadyExistsException.class);
        assertThat(secrets.get("dev/payments/db").orElseThrow().etag()).isEqualTo(theirs.etag());
    }

    @Test
    void itemChangedByAnotherWriterBetweenReadAndWrite_isAConflict_notALostUpdate() {
        bags.startUpload("payments", "app", OptionalInt.empty(), keys).put(TestItems.withPassword("db", "one"), false);
        ForwardingBlobStore racing = new ForwardingBlobStore(secrets) {
            @Override
            protected void beforeConditionalWrite(String key) {
                secrets.put(key, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
            }
        };
        DataBagService racingBags = new DataBagService(racing, new SecretsLayout("dev", ""), EnvelopeVersion.V2);
        BagUpload upload = racingBags.startUpload("payments", "app", OptionalInt.empty(), keys);

        assertThatThrownBy(() -> upload.put(TestItems.withPassword("db", "mine"), true)).isInstanceOf(ConflictException.class);
        assertThat(new String(secrets.get("dev/payments/db").orElseThrow().content(), StandardCharsets.UTF_8))
                .isEqualTo("{}");
    }
}
