package dev.messer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.app.Session;
import dev.messer.app.TestSessions;
import dev.messer.aws.AwsFixture;
import dev.messer.aws.MotoTest;
import dev.messer.cli.CliRun;
import dev.messer.config.Settings;
import dev.messer.databag.TestBucket;
import dev.messer.databag.TestItems;
import dev.messer.databag.SecretsLayout;
import dev.messer.store.BlobStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk commands against moto's S3 and KMS: conditional writes, paging and KMS calls for real. */
@MotoTest
class BulkAwsIT {

    @TempDir
    Path dir;

    private AwsFixture aws;
    private Path ini;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        ini = aws.writeIni();
    }

    private Session<?> session() {
        Settings settings = aws.settings();
        return TestSessions.open(settings, aws.env());
    }

    /** Key {@code app} v0 and {@code count} items in bags web/ops, sealed with it. */
    private void seed(int count) {
        try (Session<?> session = session()) {
            session.keyRing().create("app");
            session.bags().createBag("web");
            session.bags().createBag("ops");
            for (int i = 0; i < count; i++) {
                TestItems.upload(session.items(), bag(i), TestProfile.document("item" + i, "value-" + i), "app",
                        OptionalInt.of(0), false);
            }
        }
    }

    private static String bag(int i) {
        return i % 2 == 0 ? "web" : "ops";
    }

    private void assertEveryItemOn(int count, int version) {
        try (Session<?> session = session()) {
            for (int i = 0; i < count; i++) {
                assertThat(session.items().read(bag(i), "item" + i).item().keyVersion()).isEqualTo(version);
                assertThat(session.items().open(bag(i), "item" + i).document().json().get("value")
                        .getAsString()).isEqualTo("value-" + i);
            }
        }
    }

    /** A bag service over {@code view} of the fixture's secrets bucket, with its own key cache. */
    private BulkReport reEncryptThrough(java.util.function.Function<BlobStore, BlobStore> view) {
        try (Session<?> session = session()) {
            TestBucket bucket = TestBucket.on(view.apply(session.backend().secrets()),
                    new SecretsLayout(AwsFixture.TIER, ""), session.keyRing()).keys(session.dataKeys()).build();
            return new ReEncryption(TestProfile.bulk(bucket)).run(BulkOptions.defaults());
        }
    }

    @Test
    void bulkList_of1500Items_pagesThroughS3AndListsEveryOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                String key = AwsFixture.TIER + "/bag" + (i % 3) + "/" + String.format("item%04d", i);
                puts.add(pool.submit(() -> aws.s3().putObject(r -> r.bucket(aws.secretsBucket()).key(key),
                        software.amazon.awssdk.core.sync.RequestBody.fromString("{}"))));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdown();
        }

        CliRun run = aws.run("bulk", "list", "aws", ini.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("\titem"))).hasSize(1500).doesNotHaveDuplicates();
        assertThat(run.out().lines().filter(l -> l.startsWith("bag"))).containsExactly("bag0", "bag1", "bag2");
    }

    @Test
    void bulkReEncrypt_movesEveryItemToTheLatestVersion_withOneKmsDecryptPerKeyVersion() {
        seed(24);
        assertThat(aws.run("encryption", "increment", "aws", "app", "-c", ini.toString()).exit()).isZero();

        CliRun run = aws.run("bulk", "re-encrypt", "aws", ini.toString(), "--stats");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).contains("re-encrypt: 24 done, 0 skipped, 0 failed")
                .contains("stats: 24 items, 2 key unwraps for 2 key versions");
        assertEveryItemOn(24, 1);
    }

    @Test
    void bulkRotateKeys_writesTheNewVersionThenMovesEveryItem_andADryRunChangesNothing() {
        seed(10);

        CliRun dry = aws.run("bulk", "rotate-keys", "aws", ini.toString(), "--dry-run");
        assertThat(dry.exit()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("key app: would create app v1");
        assertEveryItemOn(10, 0);

        CliRun run = aws.run("bulk", "rotate-keys", "aws", ini.toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).contains("key app: created app v1").contains("rotate-keys: 10 done, 0 skipped, 0 failed");
        assertEveryItemOn(10, 1);
    }

    @Test
    void itemChangedByAnotherWriterDuringARun_isNotOverwritten_s3IfMatchRefusesTheStaleWrite() {
        seed(6);
        try (Session<?> session = session()) {
            session.keyRing().increment("app");
        }
        String victim = AwsFixture.TIER + "/web/item2";
        byte[] theirs = "{\"id\":\"item2\",\"note\":\"someone else's write\"}".getBytes(StandardCharsets.UTF_8);

        BulkReport report = reEncryptThrough(store -> new InterferingBlobStore(store, victim, theirs));

        assertThat(report.with(Outcome.SKIPPED)).singleElement().satisfies(r -> {
            assertThat(r.item()).isEqualTo(new ItemPath("web", "item2"));
            assertThat(r.detail()).contains("changed since it was read");
        });
        assertThat(report.count(Outcome.DONE)).isEqualTo(5);
        assertThat(aws.object(aws.secretsBucket(), victim)).isEqualTo(theirs);
    }

    @Test
    void runInterruptedMidway_rerunCompletes_everyItemDecryptable() {
        seed(20);
        try (Session<?> session = session()) {
            session.keyRing().increment("app");
        }

        BulkReport first = reEncryptThrough(store -> new CrashingBlobStore(store, 7));
        assertThat(first.count(Outcome.DONE)).isEqualTo(7);
        assertThat(first.count(Outcome.FAILED)).isEqualTo(13);

        CliRun rerun = aws.run("bulk", "re-encrypt", "aws", ini.toString());

        assertThat(rerun.exit()).as(rerun.toString()).isZero();
        assertThat(rerun.err()).contains("re-encrypt: 13 done, 7 skipped, 0 failed");
        assertEveryItemOn(20, 1);
    }

    @Test
    void bulkCopy_fromLocalToAws_createsBagsAndKeyInAws_andARerunSkipsEveryItem() {
        Path local = aws.writeFile("local.ini", "[profile local]\nprovider = local\ntier = dev\nmaster_key = dev\n"
                + "local_root = " + dir.resolve("local-root") + "\n");
        assertThat(aws.run("configure", "local", "-m", "dev", "-c", local.toString(), "--profile", "local").exit()).isZero();
        assertThat(aws.run("encryption", "create", "local", "app", "-c", local.toString()).exit()).isZero();
        assertThat(aws.run("data", "bag", "create", "local", "web", "-c", local.toString()).exit()).isZero();
        for (int i = 0; i < 5; i++) {
            Path item = aws.writeFile("item" + i + ".json", "{\"id\": \"item" + i + "\", \"value\": \"value-" + i + "\"}");
            assertThat(aws.run("data", "bag", "from", "file", "local", "web", item.toString(), "--secret-file", "app",
                    "-c", local.toString()).exit()).isZero();
        }

        CliRun copy = aws.run("bulk", "copy", "local", "aws", local.toString(), ini.toString(), "--stats");
        assertThat(copy.exit()).as(copy.toString()).isZero();
        assertThat(copy.err()).contains("created bag web in aws").contains("created key app v0 in aws")
                .contains("copy: 5 done, 0 skipped, 0 failed").contains("2 key unwraps for 2 key versions");

        CliRun again = aws.run("bulk", "copy", "local", "aws", local.toString(), ini.toString());
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.err()).contains("copy: 0 done, 5 skipped, 0 failed");

        CliRun show = aws.run("data", "bag", "show", "aws", "web", "item3", "--decrypt", "-c", ini.toString());
        assertThat(show.exit()).as(show.toString()).isZero();
        assertThat(show.out()).contains("\"value\":\"value-3\"");
    }

    @Test
    void bulkCopy_toAnotherRegionsBuckets_interruptedThenRerun_completes() {
        seed(12);
        String otherSecrets = aws.createBucket(aws.secretsBucket() + "-eu");
        String otherKeys = aws.createBucket(aws.keysBucket() + "-eu");
        aws.createKey(aws.masterKey() + "-eu");
        Path eu = aws.writeIni("eu.ini", Map.of("secrets_bucket", otherSecrets, "keys_bucket", otherKeys,
                "master_key", aws.masterKey() + "-eu", "tier", "prod"));

        Settings euSettings = aws.settings(Map.of(dev.messer.config.Setting.SECRETS_BUCKET, otherSecrets,
                dev.messer.config.Setting.KEYS_BUCKET, otherKeys, dev.messer.config.Setting.MASTER_KEY,
                aws.masterKey() + "-eu", dev.messer.config.Setting.TIER, "prod"));
        try (Session<?> source = session();
             Session<?> destination = TestSessions.open(euSettings, aws.env())) {
            TestBucket crashing = TestBucket.on(new CrashingBlobStore(destination.backend().secrets(), 5),
                    new SecretsLayout("prod", ""), destination.keyRing()).keys(destination.dataKeys()).build();
            BulkReport first = new BulkCopy(new BulkCopy.Side(source.bulk(), "source"),
                    new BulkCopy.Side(TestProfile.bulk(crashing), "eu"), false).run(BulkOptions.defaults());
            assertThat(first.count(Outcome.DONE)).isEqualTo(5);
            assertThat(first.count(Outcome.FAILED)).isEqualTo(7);
        }

        CliRun rerun = aws.run("bulk", "copy", "aws", "aws", ini.toString(), eu.toString());

        assertThat(rerun.exit()).as(rerun.toString()).isZero();
        assertThat(rerun.err()).contains("copy: 7 done, 5 skipped, 0 failed");
        for (int i = 0; i < 12; i++) {
            CliRun show = aws.run("data", "bag", "show", "aws", bag(i), "item" + i, "--decrypt", "-c", eu.toString());
            assertThat(show.exit()).as(show.toString()).isZero();
            assertThat(show.out()).contains("\"value\":\"value-" + i + "\"");
        }
    }
}
