package dev.messer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.crypto.EnvelopeVersion;
import dev.messer.databag.TestBucket;
import dev.messer.databag.TestItems;
import dev.messer.keys.TestKeyRing;
import dev.messer.keys.KeyRef;
import dev.messer.store.Blob;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ReEncryptionTest {

    private final TestProfile profile = new TestProfile("dev");

    private BulkReport reEncrypt(BulkOptions options) {
        try (TestBucket bucket = profile.bucket()) {
            return new ReEncryption(TestProfile.bulk(bucket)).run(options);
        }
    }

    @Test
    void reEncrypt_movesEveryItemToTheLatestVersionOfItsKey_andEachStillDecrypts() {
        profile.key("app", 2).key("db", 1)
                .item("web", "a", "app", 0, "va").item("web", "b", "app", 1, "vb").item("ops", "c", "db", 0, "vc");

        BulkReport report = reEncrypt(BulkOptions.defaults());

        assertThat(report.count(Outcome.DONE)).isEqualTo(3);
        assertThat(report.failed()).isFalse();
        assertThat(profile.keyVersion("web", "a")).isEqualTo(2);
        assertThat(profile.keyVersion("web", "b")).isEqualTo(2);
        assertThat(profile.keyVersion("ops", "c")).isEqualTo(1);
        assertThat(profile.value("web", "a")).isEqualTo("va");
        assertThat(profile.value("ops", "c")).isEqualTo("vc");
    }

    @Test
    void reEncrypt_itemsAlreadyOnTheLatestVersion_areSkippedAndNotRewritten() {
        profile.key("app", 1).item("web", "new", "app", 1, "n").item("web", "old", "app", 0, "o");
        String etagBefore = profile.etag("web", "new");

        BulkReport report = reEncrypt(BulkOptions.defaults());

        assertThat(report.count(Outcome.SKIPPED)).isEqualTo(1);
        assertThat(report.results().upToDate()).isEqualTo(1);
        assertThat(profile.etag("web", "new")).isEqualTo(etagBefore);
        assertThat(report.count(Outcome.DONE)).isEqualTo(1);
    }

    @Test
    void reEncrypt_itemChangedBetweenReadAndWrite_isSkippedAndKeepsTheOtherWritersVersion() {
        profile.key("app", 1).item("web", "victim", "app", 0, "original").item("web", "other", "app", 0, "x");
        byte[] theirs = profile.sealedBytes("web", "victim", "app", 0, "changed by someone else");
        InterferingBlobStore interfering = new InterferingBlobStore(profile.secrets,
                profile.layout.itemKey("web", "victim"), theirs);

        BulkReport report;
        try (TestBucket bucket = profile.bucket(interfering)) {
            report = new ReEncryption(TestProfile.bulk(bucket)).run(BulkOptions.defaults());
        }

        assertThat(report.with(Outcome.SKIPPED)).singleElement().satisfies(r -> {
            assertThat(r.item()).isEqualTo(new ItemPath("web", "victim"));
            assertThat(r.upToDate()).isFalse();
            assertThat(r.detail()).contains("changed since it was read");
        });
        assertThat(profile.value("web", "victim")).isEqualTo("changed by someone else");
        assertThat(profile.keyVersion("web", "victim")).isZero();
        assertThat(profile.keyVersion("web", "other")).isEqualTo(1);
        assertThat(report.failed()).isFalse();
    }

    @Test
    void reEncrypt_interruptedAfterSomeWrites_failsThoseLeft_andARerunCompletesWithEveryItemDecryptable() {
        profile.key("app", 1);
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            profile.item("bag" + (i % 3), "item" + i, "app", 0, "value-" + i);
            values.put("item" + i, "value-" + i);
        }

        BulkReport first;
        try (TestBucket bucket = profile.bucket(new CrashingBlobStore(profile.secrets, 15))) {
            first = new ReEncryption(TestProfile.bulk(bucket)).run(BulkOptions.defaults().withParallel(4));
        }
        assertThat(first.count(Outcome.DONE)).isEqualTo(15);
        assertThat(first.count(Outcome.FAILED)).isEqualTo(25);
        assertThat(first.with(Outcome.FAILED)).allSatisfy(r -> assertThat(r.detail()).contains("connection lost"));

        BulkReport second = reEncrypt(BulkOptions.defaults());

        assertThat(second.count(Outcome.DONE)).isEqualTo(25);
        assertThat(second.count(Outcome.SKIPPED)).isEqualTo(15);
        assertThat(second.failed()).isFalse();
        for (int i = 0; i < 40; i++) {
            assertThat(profile.keyVersion("bag" + (i % 3), "item" + i)).isEqualTo(1);
            assertThat(profile.value("bag" + (i % 3), "item" + i)).isEqualTo(values.get("item" + i));
        }
    }

    @Test
    void reEncrypt_dryRun_writesNothingAndPlansEveryItem() {
        profile.key("app", 1).item("web", "a", "app", 0, "va").item("web", "b", "app", 1, "vb");
        int writesBefore = profile.secrets.writeCount() + profile.keyStore.writeCount();

        BulkReport report = reEncrypt(BulkOptions.defaults().withDryRun(true));

        assertThat(profile.secrets.writeCount() + profile.keyStore.writeCount()).isEqualTo(writesBefore);
        assertThat(profile.keyVersion("web", "a")).isZero();
        assertThat(report.dryRun()).isTrue();
        assertThat(report.with(Outcome.DONE)).singleElement()
                .satisfies(r -> assertThat(r.detail()).isEqualTo("re-encrypt app v0 -> app v1"));
        assertThat(report.keyUnwraps()).isZero();
        assertThat(report.summaryLine()).contains("dry run").contains("1 to do, 1 to skip, 0 failed");
    }

    @Test
    void reEncrypt_unwrapsEachDistinctKeyVersionOnce_howeverManyItemsAndThreads() {
        profile.key("app", 2).key("db", 1);
        for (int i = 0; i < 120; i++) {
            profile.item("b" + (i % 4), "app" + i, "app", i % 2, "a" + i);
            profile.item("b" + (i % 4), "db" + i, "db", 0, "d" + i);
        }

        BulkReport report = reEncrypt(BulkOptions.defaults().withParallel(8));

        assertThat(report.count(Outcome.DONE)).isEqualTo(240);
        // app v0, app v1, app v2, db v0, db v1
        assertThat(report.keyVersionsUsed()).isEqualTo(5);
        assertThat(report.keyUnwraps()).isEqualTo(5);
    }

    @Test
    void reEncrypt_itemWhoseKeyNoLongerExists_failsAlone_andTheRunReportsIt() {
        profile.key("app", 1).key("gone", 0)
                .item("web", "ok", "app", 0, "v").item("web", "orphan", "gone", 0, "w");
        profile.ring.deleteKey("gone");

        BulkReport report = reEncrypt(BulkOptions.defaults());

        assertThat(report.with(Outcome.FAILED)).singleElement().satisfies(r -> {
            assertThat(r.item()).isEqualTo(new ItemPath("web", "orphan"));
            assertThat(r.detail()).contains("gone");
        });
        assertThat(report.failed()).isTrue();
        assertThat(profile.keyVersion("web", "ok")).isEqualTo(1);
    }

    @Test
    void reEncrypt_unreadableStoredItem_failsWithItsName_andOthersComplete() {
        profile.key("app", 1).item("web", "ok", "app", 0, "v");
        profile.secrets.put(profile.layout.itemKey("web", "junk"), "not json".getBytes(StandardCharsets.UTF_8),
                Map.of());

        BulkReport report = reEncrypt(BulkOptions.defaults());

        assertThat(report.with(Outcome.FAILED)).singleElement()
                .satisfies(r -> assertThat(r.item()).isEqualTo(new ItemPath("web", "junk")));
        assertThat(report.count(Outcome.DONE)).isEqualTo(1);
    }

    @Test
    void reEncrypt_itemInMessersFormat_isUpgradedWhenItemFormatIs2_andLeftWhenItIs1() {
        profile.key("app", 0);
        try (TestBucket formatOne = TestBucket.on(profile.secrets, profile.layout, profile.ring)
                .format(EnvelopeVersion.V1).build()) {
            formatOne.bags.createBag("web");
            TestItems.upload(formatOne.items, "web", TestProfile.document("legacy", "v"), "app", OptionalInt.of(0), true);
            BulkReport kept = new ReEncryption(TestProfile.bulk(formatOne)).run(BulkOptions.defaults());
            assertThat(kept.count(Outcome.SKIPPED)).isEqualTo(1);
            assertThat(kept.results().upToDate()).isEqualTo(1);
        }

        assertThat(reEncrypt(BulkOptions.defaults().withDryRun(true)).with(Outcome.DONE)).singleElement()
                .satisfies(r -> assertThat(r.detail()).isEqualTo("re-encrypt app v0 -> app v0 (format 1 -> 2)"));

        BulkReport upgraded = reEncrypt(BulkOptions.defaults());

        assertThat(upgraded.count(Outcome.DONE)).isEqualTo(1);
        assertThat(profile.keyVersion("web", "legacy")).isZero();
        assertThat(profile.value("web", "legacy")).isEqualTo("v");
        assertThat(reEncrypt(BulkOptions.defaults()).count(Outcome.SKIPPED)).isEqualTo(1);
    }

    @Test
    void reEncrypt_neverMovesItemsOntoAContextlessVersionPlantedAsLatest() {
        profile.key("app", 1).item("web", "a", "app", 0, "va").item("web", "b", "app", 1, "vb");
        TestKeyRing.on(profile.keyStore, profile.masterKey).unbound().plant(new KeyRef("app", 2));
        int writesBefore = profile.secrets.writeCount();

        BulkReport report = reEncrypt(BulkOptions.defaults());

        assertThat(profile.secrets.writeCount()).isEqualTo(writesBefore);
        assertThat(report.with(Outcome.FAILED)).hasSize(2)
                .allSatisfy(r -> assertThat(r.detail()).contains("app v2 has no encryption context"));
        assertThat(profile.keyVersion("web", "a")).isZero();
        assertThat(profile.keyVersion("web", "b")).isEqualTo(1);
    }

    @Test
    void reEncrypt_reportsHowManyFormat1ItemsRemain() {
        profile.key("app", 1).key("db", 0).item("web", "bound", "app", 1, "x");
        try (TestBucket format1 = TestBucket.on(profile.secrets, profile.layout, profile.ring)
                .format(EnvelopeVersion.V1).build()) {
            TestItems.upload(format1.items, "web", TestProfile.document("old", "o"), "app", OptionalInt.of(1), true);
            TestItems.upload(format1.items, "web", TestProfile.document("stuck", "s"), "db", OptionalInt.of(0), true);
        }
        // db's only version is made context-less, so the bound profile cannot move "stuck" onto it
        Blob db = profile.keyStore.get("db/0").orElseThrow();
        profile.keyStore.put("db/0", db.content(), Map.of());

        BulkReport dryRun = reEncrypt(BulkOptions.defaults().withDryRun(true));
        assertThat(dryRun.version1Remaining()).hasValue(1);

        BulkReport report = reEncrypt(BulkOptions.defaults());
        assertThat(report.version1Remaining()).hasValue(1);
        assertThat(report.version1Line()).hasValueSatisfying(line -> assertThat(line).startsWith("1 item remains in item format 1"));
        assertThat(profile.value("web", "old")).isEqualTo("o");
    }

    @Test
    void reEncrypt_withNoFormat1ItemLeft_saysMinItemFormat2CanBeSet() {
        profile.key("app", 0).item("web", "a", "app", 0, "va");
        BulkReport report = reEncrypt(BulkOptions.defaults());
        assertThat(report.version1Remaining()).hasValue(0);
        assertThat(report.version1Line()).hasValueSatisfying(line -> assertThat(line).contains("min_item_format = 2"));
    }
}
