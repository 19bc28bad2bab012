package dev.messer.doctor;

import dev.messer.app.Session;
import dev.messer.error.Hint;
import dev.messer.names.Names;
import dev.messer.regions.KeyDrift;
import dev.messer.regions.ReplicaComparison;
import dev.messer.regions.ReplicaDrift;
import dev.messer.store.BlobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What doctor says about the regions of a profile that spans several: for each region after the
 * home region, the data-key versions it lacks or still holds (from the keys buckets' listings) and
 * the objects of the secrets bucket that S3 Replication has not carried yet (from both buckets'
 * listings, with the oldest lag). Lists only: no object is read, nothing is unwrapped or decrypted.
 * What differs is a warning with its fix; a region that cannot be listed fails its check.
 */
final class RegionDriftAudit {

    /** S3 Replication carries most objects within this time (S3 RTC promises 99.99 % of them). */
    static final Duration USUAL_REPLICATION = Duration.ofMinutes(15);

    private RegionDriftAudit() {
    }

    /** Adds a data-key check and an item check per secondary region; nothing for a profile of one region. */
    static void check(Checklist list, Session<?> session, Clock clock, String... needs) {
        Map<String, BlobStore> byRegion = session.secretsByRegion();
        if (byRegion.size() < 2) {
            return;
        }
        List<String> regions = List.copyOf(byRegion.keySet());
        String home = regions.get(0);
        Supplier<List<KeyDrift>> keyDrift = once(() -> session.keys().drift());
        String prefix = session.layout().bagsPrefix();
        for (String region : regions.subList(1, regions.size())) {
            list.check("data keys in " + region, () -> keys(region, home, keyDrift.get().stream()
                    .filter(d -> d.region().equals(region)).toList()), needs);
            list.check("items in " + region, () -> items(ReplicaComparison.compare(region, prefix,
                    byRegion.get(home).latestVersions(prefix), byRegion.get(region).latestVersions(prefix)),
                    home, prefix, new Buckets(home, bucket(byRegion.get(home)), region, bucket(byRegion.get(region))),
                    clock.instant()), needs);
        }
    }

    /** The data-key check of one region, from its part of {@code RegionalKeys.drift()}. */
    static String keys(String region, String home, List<KeyDrift> drift) {
        if (drift.isEmpty()) {
            return "the same data-key versions as " + home + " (from the listings; 'encryption sync' compares the "
                    + "keys themselves)";
        }
        Map<KeyDrift.Kind, List<String>> byKind = new LinkedHashMap<>();
        for (KeyDrift d : drift) {
            byKind.computeIfAbsent(d.kind(), k -> new ArrayList<>()).add(d.ref().toString());
        }
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, refs) -> parts.add(refs.size() + " " + kind.state() + " (" + shown(refs) + ")"));
        boolean repairable = drift.stream().allMatch(d -> d.kind().repairable());
        Hint.Run sync = Hint.aws("encryption sync");
        throw new Checklist.Warning(drift.size() + " data-key version(s) differ from " + home + ": "
                + String.join("; ", parts), repairable ? Hint.of("bring " + region + " up to date with {}", sync)
                : Hint.of("run {}: it copies what " + region + " lacks and retires what " + home + " deleted, and "
                + "leaves the other versions alone (see 'Several regions' in docs/aws.md)", sync));
    }

    /** The secrets buckets of the home region and of the region compared, for fixes. */
    record Buckets(String homeRegion, String home, String region, String there) {
    }

    /** The item check of one region. */
    static String items(ReplicaDrift drift, String home, String prefix, Buckets buckets, Instant now) {
        String where = prefix.isEmpty() ? "" : " under " + prefix;
        if (drift.isEmpty()) {
            return drift.objects() + " object(s)" + where + " as in " + home;
        }
        List<String> parts = new ArrayList<>();
        int differing = 0;
        for (ReplicaDrift.Kind kind : ReplicaDrift.Kind.values()) {
            int count = drift.count(kind);
            if (count > 0) {
                differing += count;
                parts.add(count + " " + kind.state() + " (" + shown(drift.named(kind), count) + ")");
            }
        }
        String lag = drift.lag(now).map(d -> "; oldest lag " + ReplicaDrift.words(d) + " ("
                + drift.oldestKey().orElse("") + ")").orElse("");
        throw new Checklist.Warning("replication lag: " + differing + " of " + drift.objects() + " object(s)" + where
                + " differ from " + home + ": " + String.join("; ", parts) + lag,
                Hint.text(fix(drift, buckets, prefix, now)));
    }

    private static String fix(ReplicaDrift drift, Buckets buckets, String prefix, Instant now) {
        StringBuilder fix = new StringBuilder();
        boolean fresh = drift.lag(now).filter(lag -> lag.compareTo(USUAL_REPLICATION) < 0).isPresent();
        if (fresh) {
            fix.append("S3 Replication may still be carrying changes this recent: run doctor again in a few minutes; ");
        }
        String home = " --region " + buckets.homeRegion() + " --bucket " + buckets.home();
        fix.append("check the rule with 'aws s3api get-bucket-replication").append(home)
                .append("', and an object's ReplicationStatus with 'aws s3api head-object").append(home)
                .append(" --key ").append(prefix).append(first(drift)).append("'; ")
                .append("objects written before the rule need S3 Batch Replication");
        if (drift.count(ReplicaDrift.Kind.DELETED_AT_HOME) + drift.count(ReplicaDrift.Kind.ONLY_HERE) > 0) {
            String stale = !drift.named(ReplicaDrift.Kind.DELETED_AT_HOME).isEmpty()
                    ? drift.named(ReplicaDrift.Kind.DELETED_AT_HOME).get(0) : drift.named(ReplicaDrift.Kind.ONLY_HERE).get(0);
            fix.append("; a deletion that did not reach ").append(buckets.region()).append(" (delete markers need ")
                    .append("DeleteMarkerReplication in the rule; deletes of a specific version never replicate): ")
                    .append("remove it as an admin with 'aws s3api delete-object --region ").append(buckets.region())
                    .append(" --bucket ").append(buckets.there()).append(" --key ").append(prefix).append(stale)
                    .append("'");
        }
        return fix.toString();
    }

    private static String first(ReplicaDrift drift) {
        for (ReplicaDrift.Kind kind : ReplicaDrift.Kind.values()) {
            if (kind.lags() && !drift.named(kind).isEmpty()) {
                return drift.named(kind).get(0);
            }
        }
        return drift.named(ReplicaDrift.Kind.ONLY_HERE).get(0);
    }

    private static String bucket(BlobStore store) {
        return store.describe().replaceFirst("^s3://", "");
    }

    private static String shown(List<String> names) {
        return shown(names, names.size());
    }

    private static String shown(List<String> names, int total) {
        List<String> first = names.stream().limit(ReplicaDrift.NAMED).map(Names::escaped).toList();
        return String.join(", ", first) + (total > first.size() ? ", ..." : "");
    }

    private static <T> Supplier<T> once(Supplier<T> compute) {
        List<T> memo = new ArrayList<>(1);
        return () -> {
            if (memo.isEmpty()) {
                memo.add(compute.get());
            }
            return memo.get(0);
        };
    }
}
