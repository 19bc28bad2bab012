package dev.messer.aws.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.DeleteMarkerReplicationStatus;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;
import software.amazon.awssdk.services.s3.model.SseKmsEncryptedObjectsStatus;

/**
 * The S3 Replication rules of one tier on the home region's secrets bucket, one per other region:
 * ID {@code messer-TIER-REGION}, filter prefix {@code TIER/}, delete markers replicated,
 * SSE-KMS objects selected and re-encrypted under the destination region's key. Tiers share the
 * secrets bucket and {@code PutBucketReplication} replaces the whole configuration under one role,
 * so {@link #merged} keeps every other rule, replaces only this tier's, and keeps priorities unique.
 */
public final class ReplicationRules {

    /** Where one rule replicates to: the region, its secrets bucket and the ARN of its KMS key. */
    public record Destination(String region, String bucket, String keyArn) {
    }

    /** A region name such as {@code eu-west-1} or {@code us-gov-east-1}. */
    private static final Pattern REGION = Pattern.compile(
            "[a-z]{2}(-gov|-iso[a-z]?)?-(north|south|east|west|central|northeast|southeast|northwest|southwest)-[0-9]+");

    private final String partition;
    private final String tier;

    public ReplicationRules(String partition, String tier) {
        this.partition = partition;
        this.tier = tier;
    }

    /** {@code TIER/}: the prefix every rule of the tier filters on (empty for a profile without a tier). */
    public String prefix() {
        return tier.isEmpty() ? "" : tier + "/";
    }

    public String ruleId(String region) {
        return "messer-" + (tier.isEmpty() ? "" : tier + "-") + region;
    }

    /** The rule towards {@code destination}, at {@code priority}. */
    public ReplicationRule rule(Destination destination, int priority) {
        return ReplicationRule.builder()
                .id(ruleId(destination.region()))
                .status(ReplicationRuleStatus.ENABLED)
                .priority(priority)
                .filter(f -> f.prefix(prefix()))
                .deleteMarkerReplication(d -> d.status(DeleteMarkerReplicationStatus.ENABLED))
                .sourceSelectionCriteria(c -> c.sseKmsEncryptedObjects(s -> s.status(SseKmsEncryptedObjectsStatus.ENABLED)))
                .destination(d -> d.bucket("arn:" + partition + ":s3:::" + destination.bucket())
                        .encryptionConfiguration(e -> e.replicaKmsKeyID(destination.keyArn())))
                .build();
    }

    /** Whether a rule is one of this tier's: its ID is {@code messer-TIER-} and a region name. */
    public boolean ours(ReplicationRule rule) {
        String start = ruleId("");
        return rule.id() != null && rule.id().startsWith(start)
                && REGION.matcher(rule.id().substring(start.length())).matches();
    }

    /**
     * What differs between the existing configuration and the wanted rules, as short phrases; empty
     * when every wanted rule is there as wanted and no other rule of this tier is.
     */
    public List<String> problems(Optional<ReplicationConfiguration> existing, List<Destination> destinations) {
        List<String> problems = new ArrayList<>();
        List<ReplicationRule> rules = existing.map(ReplicationConfiguration::rules).orElse(List.of());
        for (Destination destination : destinations) {
            Optional<ReplicationRule> have = rules.stream().filter(r -> ruleId(destination.region()).equals(r.id()))
                    .findFirst();
            if (have.isEmpty()) {
                problems.add("rule " + ruleId(destination.region()) + " is missing");
                continue;
            }
            List<String> wrong = differences(have.get(), rule(destination, 0));
            if (!wrong.isEmpty()) {
                problems.add("rule " + ruleId(destination.region()) + ": " + String.join(", ", wrong));
            }
        }
        List<String> wanted = destinations.stream().map(d -> ruleId(d.region())).toList();
        rules.stream().filter(this::ours).filter(r -> !wanted.contains(r.id()))
                .forEach(r -> problems.add("rule " + r.id() + " replicates to a region not in regions"));
        return problems;
    }

    /**
     * The configuration to put: every rule of other tiers as it is, this tier's rules as wanted (each
     * keeping its priority when that stays unique, else the next free one), under {@code role}.
     */
    public ReplicationConfiguration merged(Optional<ReplicationConfiguration> existing, String role,
                                           List<Destination> destinations) {
        List<ReplicationRule> kept = new ArrayList<>();
        List<ReplicationRule> ourOld = new ArrayList<>();
        for (ReplicationRule rule : existing.map(ReplicationConfiguration::rules).orElse(List.of())) {
            (ours(rule) ? ourOld : kept).add(rule);
        }
        List<Integer> taken = new ArrayList<>(kept.stream().map(ReplicationRule::priority)
                .filter(p -> p != null).toList());
        List<ReplicationRule> rules = new ArrayList<>(kept);
        for (Destination destination : destinations) {
            Integer old = ourOld.stream().filter(r -> ruleId(destination.region()).equals(r.id()))
                    .map(ReplicationRule::priority).filter(p -> p != null).findFirst().orElse(null);
            int priority = old != null && !taken.contains(old) ? old : next(taken);
            taken.add(priority);
            rules.add(rule(destination, priority));
        }
        return ReplicationConfiguration.builder().role(role).rules(rules).build();
    }

    private static int next(List<Integer> taken) {
        return taken.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    /** What differs between a stored rule and the wanted one, priority aside. */
    static List<String> differences(ReplicationRule have, ReplicationRule want) {
        List<String> wrong = new ArrayList<>();
        if (have.status() != ReplicationRuleStatus.ENABLED) {
            wrong.add("not enabled");
        }
        if (!want.filter().prefix().equals(prefixOf(have))) {
            wrong.add("filter prefix is not '" + want.filter().prefix() + "'");
        }
        if (have.deleteMarkerReplication() == null
                || have.deleteMarkerReplication().status() != DeleteMarkerReplicationStatus.ENABLED) {
            wrong.add("delete markers are not replicated");
        }
        if (have.sourceSelectionCriteria() == null || have.sourceSelectionCriteria().sseKmsEncryptedObjects() == null
                || have.sourceSelectionCriteria().sseKmsEncryptedObjects().status() != SseKmsEncryptedObjectsStatus.ENABLED) {
            wrong.add("SSE-KMS objects are not selected (SseKmsEncryptedObjects)");
        }
        String bucket = have.destination() == null ? null : have.destination().bucket();
        if (!want.destination().bucket().equals(bucket)) {
            wrong.add("destination is " + bucket + ", not " + want.destination().bucket());
        }
        String key = have.destination() == null || have.destination().encryptionConfiguration() == null ? null
                : have.destination().encryptionConfiguration().replicaKmsKeyID();
        String wantKey = want.destination().encryptionConfiguration().replicaKmsKeyID();
        if (!wantKey.equals(key)) {
            wrong.add("ReplicaKmsKeyID is " + key + ", not " + wantKey);
        }
        return wrong;
    }

    private static String prefixOf(ReplicationRule rule) {
        if (rule.filter() != null && rule.filter().prefix() != null) {
            return rule.filter().prefix();
        }
        if (rule.filter() != null && rule.filter().and() != null && rule.filter().and().prefix() != null
                && rule.filter().and().tags().isEmpty()) {
            return rule.filter().and().prefix();
        }
        @SuppressWarnings("deprecation")
        String legacy = rule.prefix();
        return rule.filter() == null ? legacy : null;
    }
}
