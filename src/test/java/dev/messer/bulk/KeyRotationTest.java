package dev.messer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.databag.TestBucket;
import dev.messer.keys.KeyRef;
import dev.messer.store.BlobStore;
import dev.messer.store.ForwardingBlobStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class KeyRotationTest {

    private final TestProfile profile = new TestProfile("dev");

    private BulkReport rotate(BlobStore secretsView, BulkOptions options) {
        try (TestBucket bucket = profile.bucket(secretsView)) {
            return new KeyRotation(TestProfile.bulk(bucket)).run(options);
        }
    }

    @Test
    void rotate_writesANewVersionOfEveryKeyInUse_thenMovesEveryItemOntoIt() {
        profile.key("app", 1).key("db", 0).key("unused", 0)
                .item("web", "a", "app", 1, "va").item("ops", "b", "db", 0, "vb");

        BulkReport report = rotate(profile.secrets, BulkOptions.defaults());

        assertThat(report.keysCreated()).containsExactly(new KeyRef("app", 2), new KeyRef("db", 1));
        assertThat(profile.ring.versions("unused")).containsExactly(0);
        assertThat(profile.keyVersion("web", "a")).isEqualTo(2);
        assertThat(profile.keyVersion("ops", "b")).isEqualTo(1);
        assertThat(profile.value("web", "a")).isEqualTo("va");
        assertThat(report.count(Outcome.DONE)).isEqualTo(2);
        assertThat(report.keyUnwraps()).isEqualTo(report.keyVersionsUsed()).isEqualTo(4);
    }

    @Test
    void rotate_createsEveryNewKeyVersionBeforeWritingAnyItem() {
        profile.key("app", 0).key("db", 0);
        for (int i = 0; i < 10; i++) {
            profile.item("b", "a" + i, "app", 0, "x").item("b", "d" + i, "db", 0, "y");
        }
        List<String> events = new CopyOnWriteArrayList<>();
        profile.keyStore.resetCounts();
        BlobStore recording = new ForwardingBlobStore(profile.secrets) {
            @Override
            public void putIfMatch(String key, byte[] content, Map<String, String> metadata, String etag) {
                events.add("item written; key versions so far: " + profile.keyStore.writeCount());
                super.putIfMatch(key, content, metadata, etag);
            }
        };

        rotate(recording, BulkOptions.defaults());

        assertThat(events).hasSize(20).allSatisfy(e -> assertThat(e).endsWith(": 2"));
    }

    @Test
    void rotate_interruptedMidway_rerunFinishesOntoTheSameNewVersion_withoutRotatingTwice() {
        profile.key("app", 0);
        for (int i = 0; i < 30; i++) {
            profile.item("b", "i" + i, "app", 0, "v" + i);
        }

        BulkReport first = rotate(new CrashingBlobStore(profile.secrets, 10), BulkOptions.defaults().withParallel(3));
        assertThat(first.keysCreated()).containsExactly(new KeyRef("app", 1));
        assertThat(first.count(Outcome.FAILED)).isEqualTo(20);

        BulkReport second = rotate(profile.secrets, BulkOptions.defaults());

        assertThat(second.keysCreated()).isEmpty();
        assertThat(second.plan()).singleElement().asString().contains("finishing the rotation onto app v1");
        assertThat(second.count(Outcome.DONE)).isEqualTo(20);
        assertThat(second.count(Outcome.SKIPPED)).isEqualTo(10);
        assertThat(profile.ring.versions("app")).containsExactly(0, 1);
        for (int i = 0; i < 30; i++) {
            assertThat(profile.keyVersion("b", "i" + i)).isEqualTo(1);
            assertThat(profile.value("b", "i" + i)).isEqualTo("v" + i);
        }
    }

    @Test
    void rotate_interruptedAfterTheNewVersionButBeforeAnyItem_rerunUsesThatVersion() {
        profile.key("app", 0).item("b", "x", "app", 0, "v");

        rotate(new CrashingBlobStore(profile.secrets, 0), BulkOptions.defaults());
        BulkReport second = rotate(profile.secrets, BulkOptions.defaults());

        assertThat(second.keysCreated()).isEmpty();
        assertThat(profile.ring.versions("app")).containsExactly(0, 1);
        assertThat(profile.keyVersion("b", "x")).isEqualTo(1);
    }

    @Test
    void rotate_afterAFinishedRotation_rotatesAgain() {
        profile.key("app", 0).item("b", "x", "app", 0, "v");

        rotate(profile.secrets, BulkOptions.defaults());
        BulkReport again = rotate(profile.secrets, BulkOptions.defaults());

        assertThat(again.keysCreated()).containsExactly(new KeyRef("app", 2));
        assertThat(profile.keyVersion("b", "x")).isEqualTo(2);
    }

    @Test
    void rotate_dryRun_createsNoKeyVersionAndWritesNoItem() {
        profile.key("app", 0).item("b", "x", "app", 0, "v");
        int writes = profile.secrets.writeCount() + profile.keyStore.writeCount();

        BulkReport report = rotate(profile.secrets, BulkOptions.defaults().withDryRun(true));

        assertThat(profile.secrets.writeCount() + profile.keyStore.writeCount()).isEqualTo(writes);
        assertThat(profile.ring.versions("app")).containsExactly(0);
        assertThat(report.plan()).containsExactly("key app: would create app v1");
        assertThat(report.with(Outcome.DONE)).singleElement()
                .satisfies(r -> assertThat(r.detail()).isEqualTo("re-encrypt app v0 -> app v1"));
    }

    @Test
    void rotate_dryRun_namesTheVersionTheRunWouldCreate_aboveADeletedNewestOne() {
        profile.key("app", 1).item("b", "x", "app", 0, "v");
        profile.ring.deleteVersion(new KeyRef("app", 1));

        BulkReport report = rotate(profile.secrets, BulkOptions.defaults().withDryRun(true));

        assertThat(report.plan()).containsExactly("key app: would create app v2");
        assertThat(rotate(profile.secrets, BulkOptions.defaults()).keysCreated()).containsExactly(new KeyRef("app", 2));
    }

    @Test
    void rotate_itemChangedDuringTheRun_isNotOverwritten() {
        profile.key("app", 0).item("b", "victim", "app", 0, "mine");
        byte[] theirs = profile.sealedBytes("b", "victim", "app", 0, "theirs");

        BulkReport report = rotate(new InterferingBlobStore(profile.secrets, profile.layout.itemKey("b", "victim"),
                theirs), BulkOptions.defaults());

        assertThat(report.count(Outcome.SKIPPED)).isEqualTo(1);
        assertThat(profile.value("b", "victim")).isEqualTo("theirs");
    }
}
