package dev.messer.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.messer.error.Hint;
import dev.messer.keys.KeyRef;
import dev.messer.regions.KeyDrift;
import dev.messer.regions.ReplicaComparison;
import dev.messer.regions.ReplicaDrift;
import dev.messer.store.LatestVersion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the region checks of doctor say: counts, the first names, the oldest lag, and fixes that run as written. */
class RegionDriftAuditTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final RegionDriftAudit.Buckets BUCKETS = new RegionDriftAudit.Buckets("us-east-1",
            "secrets-us-east-1", "eu-west-1", "secrets-eu-west-1");

    @Test
    void keyVersions_missingOrDeletedAtHome_areAWarning_whoseFixIsEncryptionSync() {
        Checklist.Warning warning = catchThrowableOfType(Checklist.Warning.class, () -> RegionDriftAudit.keys(
                "eu-west-1", "us-east-1", List.of(
                new KeyDrift("eu-west-1", new KeyRef("app", 1), KeyDrift.Kind.MISSING),
                new KeyDrift("eu-west-1", new KeyRef("app", 2), KeyDrift.Kind.MISSING),
                new KeyDrift("eu-west-1", new KeyRef("db", 0), KeyDrift.Kind.DELETED_AT_HOME))));
        assertThat(warning.getMessage()).isEqualTo("3 data-key version(s) differ from us-east-1: 2 missing (app v1, "
                + "app v2); 1 deleted in the home region (db v0)");
        assertThat(warning.fix().runs()).containsExactly(Hint.aws("encryption sync"));
        assertThat(warning.fix().toString()).isEqualTo("bring eu-west-1 up to date with 'messer encryption sync aws'");
    }

    @Test
    void keyVersionsSyncLeavesAlone_areNamed_andTheFixSaysSo() {
        Checklist.Warning warning = catchThrowableOfType(Checklist.Warning.class, () -> RegionDriftAudit.keys(
                "eu-west-1", "us-east-1", List.of(
                new KeyDrift("eu-west-1", new KeyRef("app", 7), KeyDrift.Kind.EXTRA))));
        assertThat(warning.getMessage()).contains("1 exists only in this region (app v7)");
        assertThat(warning.fix().toString()).contains("leaves the other versions alone");
    }

    @Test
    void noKeyDrift_passes() {
        assertThat(RegionDriftAudit.keys("eu-west-1", "us-east-1", List.of())).startsWith(
                "the same data-key versions as us-east-1");
    }

    @Test
    void itemDrift_isAWarningWithCountsAndTheOldestLag_andAFixThatNamesTheBuckets() {
        ReplicaDrift drift = ReplicaComparison.compare("eu-west-1", "dev/", List.of(
                new LatestVersion("dev/pay/db", "h1", "\"n\"", 10, T0, false),
                new LatestVersion("dev/pay/old", "h2", "", 0, T0.plusSeconds(60), true)).iterator(), List.of(
                new LatestVersion("dev/pay/db", "o1", "\"o\"", 10, T0.minusSeconds(60), false),
                new LatestVersion("dev/pay/old", "o2", "\"x\"", 10, T0.minusSeconds(60), false)).iterator());
        Checklist.Warning warning = catchThrowableOfType(Checklist.Warning.class, () -> RegionDriftAudit.items(drift, "us-east-1", "dev/",
                BUCKETS, T0.plusSeconds(3 * 3600)));
        assertThat(warning.getMessage()).isEqualTo("replication lag: 2 of 2 object(s) under dev/ differ from us-east-1: "
                + "1 older than the home region's (pay/db); 1 deleted in the home region but still here (pay/old); "
                + "oldest lag 3h 0m (pay/db)");
        assertThat(warning.fix().toString())
                .doesNotContain("run doctor again")
                .contains("'aws s3api get-bucket-replication --region us-east-1 --bucket secrets-us-east-1'")
                .contains("'aws s3api head-object --region us-east-1 --bucket secrets-us-east-1 --key dev/pay/db'")
                .contains("S3 Batch Replication")
                .contains("'aws s3api delete-object --region eu-west-1 --bucket secrets-eu-west-1 --key dev/pay/old'");
    }

    @Test
    void aRecentLag_saysReplicationMayStillBeUnderWay() {
        ReplicaDrift drift = ReplicaComparison.compare("eu-west-1", "", List.of(
                new LatestVersion("pay/db", "h1", "\"n\"", 10, T0, false)).iterator(), List.<LatestVersion>of().iterator());
        Checklist.Warning warning = catchThrowableOfType(Checklist.Warning.class, () -> RegionDriftAudit.items(drift, "us-east-1", "",
                BUCKETS, T0.plusSeconds(42)));
        assertThat(warning.getMessage()).isEqualTo("replication lag: 1 of 1 object(s) differ from us-east-1: 1 missing "
                + "(pay/db); oldest lag 42s (pay/db)");
        assertThat(warning.fix().toString()).startsWith("S3 Replication may still be carrying changes this recent")
                .doesNotContain("delete-object");
    }

    @Test
    void noItemDrift_passes_withTheNumberOfObjects() {
        ReplicaDrift drift = ReplicaComparison.compare("eu-west-1", "dev/", List.of(
                new LatestVersion("dev/pay/db", "h1", "\"n\"", 10, T0, false)).iterator(), List.of(
                new LatestVersion("dev/pay/db", "h1", "\"n\"", 10, T0, false)).iterator());
        assertThat(RegionDriftAudit.items(drift, "us-east-1", "dev/", BUCKETS, T0))
                .isEqualTo("1 object(s) under dev/ as in us-east-1");
    }
}
