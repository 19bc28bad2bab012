package dev.messer.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.databag.DataBagService;
import dev.messer.databag.BagUpload;
import dev.messer.databag.SecretsLayout;
import dev.messer.databag.TestItems;
import dev.messer.keys.DataKeyCache;
import dev.messer.keys.KeyRing;
import dev.messer.store.CountingBlobStore;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request counts of uploads on the local store, with item history kept ({@code local_versions}):
 * one conditional create per new item, one read and one conditional replace per replaced item, and
 * a constant per command. Keeping old versions costs file operations inside the store, not requests.
 */
class LocalUploadRequestCountTest {

    private static final int ITEMS = 10;

    @TempDir
    Path dir;
    private CountingBlobStore secrets;
    private LocalMasterKey master;
    private DataKeyCache keys;
    private DataBagService bags;

    @BeforeEach
    void setUp() {
        secrets = new CountingBlobStore(new LocalBlobStore(dir.resolve("secrets"), 10));
        master = new LocalMasterKey(DataKey.random(), "test master key");
        KeyRing ring = new KeyRing(new LocalBlobStore(dir.resolve("keys")), () -> master, EncryptionContext.empty(), true);
        keys = new DataKeyCache(ring);
        bags = new DataBagService(secrets, new SecretsLayout("dev", ""), EnvelopeVersion.V2);
        ring.create("app");
        bags.createBag("payments");
        secrets.resetCounts();
    }

    @AfterEach
    void wipe() {
        keys.close();
        master.close();
    }

    @Test
    void newItems_costOneConditionalPutEach_plusAConstantPerCommand() {
        BagUpload upload = bags.startUpload("payments", "app", OptionalInt.empty(), keys);
        int perCommand = secrets.requestCount();

        TestItems.putNumbered(upload, ITEMS, "v", false);

        assertThat(secrets.requestCount() - perCommand).isEqualTo(ITEMS);
        assertThat(secrets.putCount()).isEqualTo(ITEMS);
        assertThat(perCommand).isLessThanOrEqualTo(2);
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
        assertThat(secrets.versions("dev/payments/item0").versions()).hasSize(2);
    }
}
