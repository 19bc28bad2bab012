package dev.messer.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.error.Hint;
import dev.messer.error.NotFoundException;
import dev.messer.databag.TestBucket;
import dev.messer.keys.TestKeyRing;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.BlobStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BulkCopyTest {

    private final TestProfile source = new TestProfile("dev");
    private final TestProfile destination = new TestProfile("prod");
    private final TestBucket sourceBucket = source.bucket();
    private final BulkCopy.Side from = new BulkCopy.Side(TestProfile.bulk(sourceBucket), "source");

    @AfterEach
    void wipe() {
        sourceBucket.close();
    }

    private BulkReport copy(BlobStore destinationView, boolean overwrite, BulkOptions options) {
        try (TestBucket to = destination.bucket(destinationView)) {
            return new BulkCopy(from, new BulkCopy.Side(TestProfile.bulk(to), "destination"), overwrite).run(options);
        }
    }

    private BulkReport copy() {
        return copy(destination.secrets, false, BulkOptions.defaults());
    }

    @Test
    void copy_createsMissingBagsAndKeysAtTheDestination_sealedUnderTheDestinationMasterKey() {
        source.key("app", 3).item("web", "a", "app", 3, "va").item("web", "b", "app", 1, "vb");
        source.bucket().bags.createBag("empty");

        BulkReport report = copy();

        assertThat(report.count(Outcome.DONE)).isEqualTo(2);
        assertThat(destination.bucket().bags.listBags()).containsExactly("empty", "web");
        assertThat(report.keysCreated()).containsExactly(new KeyRef("app", 0));
        assertThat(destination.keyVersion("web", "a")).isZero();
        assertThat(destination.value("web", "a")).isEqualTo("va");
        assertThat(destination.value("web", "b")).isEqualTo("vb");
        assertThat(destination.layout.itemKey("web", "a")).startsWith("prod/secrets/");
    }

    @Test
    void copy_usesTheLatestDestinationVersionOfAnExistingKey() {
        source.key("app", 0).item("web", "a", "app", 0, "va");
        destination.key("app", 4);

        copy();

        assertThat(destination.keyVersion("web", "a")).isEqualTo(4);
        assertThat(destination.ring.versions("app")).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void copy_rerun_skipsItemsAlreadyIdenticalAtTheDestination() {
        source.key("app", 0).item("web", "a", "app", 0, "va").item("web", "b", "app", 0, "vb");
        copy();
        String etag = destination.etag("web", "a");

        BulkReport again = copy();

        assertThat(again.count(Outcome.SKIPPED)).isEqualTo(2);
        assertThat(again.results().upToDate()).isEqualTo(2);
        assertThat(destination.etag("web", "a")).isEqualTo(etag);
    }

    @Test
    void copy_destinationItemWithOtherContent_isLeftAloneWithoutOverwrite_andReplacedWithIt() {
        source.key("app", 0).item("web", "a", "app", 0, "from source");
        destination.key("app", 0).item("web", "a", "app", 0, "already there");

        BulkReport kept = copy();
        assertThat(kept.with(Outcome.SKIPPED)).singleElement().satisfies(r -> {
            assertThat(r.upToDate()).isFalse();
            assertThat(r.detail()).contains("differs").contains("--overwrite");
        });
        assertThat(destination.value("web", "a")).isEqualTo("already there");

        BulkReport replaced = copy(destination.secrets, true, BulkOptions.defaults());
        assertThat(replaced.count(Outcome.DONE)).isEqualTo(1);
        assertThat(destination.value("web", "a")).isEqualTo("from source");
    }

    @Test
    void copy_destinationItemCreatedDuringTheRun_isNotOverwritten() {
        source.key("app", 0).item("web", "a", "app", 0, "from source");
        destination.key("app", 0);
        destination.bucket().bags.createBag("web");
        byte[] theirs = destination.sealedBytes("web", "a", "app", 0, "written meanwhile");

        BulkReport report = copy(new InterferingBlobStore(destination.secrets, destination.layout.itemKey("web", "a"),
                theirs), false, BulkOptions.defaults());

        assertThat(report.with(Outcome.SKIPPED)).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("meanwhile"));
        assertThat(destination.value("web", "a")).isEqualTo("written meanwhile");
    }

    @Test
    void copy_interruptedMidway_rerunCompletesWithEveryItemDecryptable() {
        source.key("app", 1);
        for (int i = 0; i < 25; i++) {
            source.item("b" + (i % 2), "i" + i, "app", i % 2, "v" + i);
        }

        BulkReport first = copy(new CrashingBlobStore(destination.secrets, 9), false,
                BulkOptions.defaults().withParallel(4));
        assertThat(first.count(Outcome.DONE)).isEqualTo(9);
        assertThat(first.count(Outcome.FAILED)).isEqualTo(16);

        BulkReport second = copy();

        assertThat(second.count(Outcome.DONE)).isEqualTo(16);
        assertThat(second.count(Outcome.SKIPPED)).isEqualTo(9);
        for (int i = 0; i < 25; i++) {
            assertThat(destination.value("b" + (i % 2), "i" + i)).isEqualTo("v" + i);
        }
    }

    @Test
    void copy_dryRun_writesNothingAtTheDestination() {
        source.key("app", 0).item("web", "a", "app", 0, "va");

        BulkReport report = copy(destination.secrets, false, BulkOptions.defaults().withDryRun(true));

        assertThat(destination.secrets.writeCount()).isZero();
        assertThat(destination.keyStore.writeCount()).isZero();
        assertThat(report.plan()).containsExactly("would create bag web in destination",
                "would create key app v0 in destination");
        assertThat(report.with(Outcome.DONE)).singleElement()
                .satisfies(r -> assertThat(r.detail()).isEqualTo("would copy to destination with app v0"));
    }

    @Test
    void copy_unwrapsEachDistinctKeyVersionOnceOnEachSide() {
        source.key("app", 1).key("db", 0);
        for (int i = 0; i < 60; i++) {
            source.item("b", "a" + i, "app", i % 2, "x").item("b", "d" + i, "db", 0, "y");
        }

        BulkReport report = copy();

        // source: app v0, app v1, db v0; destination: app v0, db v0
        assertThat(report.keyVersionsUsed()).isEqualTo(5);
        assertThat(report.keyUnwraps()).isEqualTo(5);
    }

    @Test
    void copy_destinationKeyUnderAnotherMasterKey_failsEveryItemOfThatKey_afterOneUnwrapAttempt() {
        source.key("app", 0);
        for (int i = 0; i < 10; i++) {
            source.item("b", "i" + i, "app", 0, "v");
        }
        destination.key("app", 0);
        LocalMasterKey wrongMasterKey = new LocalMasterKey(DataKey.random(), "another master key");
        KeyRing wrongRing = TestKeyRing.of(destination.keyStore, wrongMasterKey);

        BulkReport report;
        try (TestBucket wrong = TestBucket.of(destination.secrets, destination.layout, wrongRing)) {
            report = new BulkCopy(from, new BulkCopy.Side(TestProfile.bulk(wrong), "destination"), false)
                    .run(BulkOptions.defaults());
        }

        assertThat(report.count(Outcome.FAILED)).isEqualTo(10);
        assertThat(report.with(Outcome.FAILED)).allSatisfy(r ->
                assertThat(r.detail()).startsWith("key app v0 in destination cannot be used"));
        // one attempt at the destination; no source key is unwrapped for items that cannot be written
        assertThat(report.keyUnwraps()).isEqualTo(1);
        assertThat(destination.bucket().bags.listItems("b")).isEmpty();
    }

    @Test
    void copy_destinationFailureAdvice_isWrittenForTheDestination_notWithAPlaceholder() {
        source.key("app", 0).item("web", "a", "app", 0, "va");
        KeyRing noMasterKey = TestKeyRing.on(destination.keyStore, () -> {
            throw new NotFoundException("master key file prod.key does not exist",
                    Hint.of("make one with {}", Hint.command("configure", "prod")));
        }).build();

        try (TestBucket to = TestBucket.of(destination.secrets, destination.layout, noMasterKey)) {
            BulkCopy copy = new BulkCopy(from, new BulkCopy.Side(TestProfile.bulk(to), "prod",
                    run -> "messer " + run.words() + " " + run.providerWord("local") + " "
                            + String.join(" ", run.arguments()) + " -c prod.ini"), false);
            assertThatThrownBy(() -> copy.run(BulkOptions.defaults()))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("nothing was copied: the master key of prod cannot be used: master key file prod.key "
                            + "does not exist; make one with 'messer configure local prod -c prod.ini'");
        }
    }

    @Test
    void copy_toADestinationWithoutAMasterKey_failsBeforeWritingAnything() {
        source.key("app", 0).item("web", "a", "app", 0, "va").item("ops", "b", "app", 0, "vb");
        KeyRing noMasterKey = TestKeyRing.on(destination.keyStore, () -> {
            throw new NotFoundException("master key file prod.key does not exist; restore it from a backup");
        }).build();

        try (TestBucket to = TestBucket.of(destination.secrets, destination.layout, noMasterKey)) {
            BulkCopy copy = new BulkCopy(from, new BulkCopy.Side(TestProfile.bulk(to), "prod"), false);
            assertThatThrownBy(() -> copy.run(BulkOptions.defaults()))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageStartingWith("nothing was copied: the master key of prod cannot be used")
                    .hasMessageContaining("prod.key does not exist");
        }
        assertThat(destination.secrets.list("")).isEmpty();
        assertThat(destination.keyStore.list("")).isEmpty();
        assertThat(destination.secrets.writeCount() + destination.keyStore.writeCount()).isZero();
    }
}
