package dev.messer.aws.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.DeleteMarkerReplicationStatus;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;
import software.amazon.awssdk.services.s3.model.SseKmsEncryptedObjectsStatus;

/**
 * The replication rules setup writes, and their merge with the rules already on the bucket: moto
 * stores rules but answers them without their filter, delete-marker and SSE-KMS settings, so these
 * fields are checked here.
 */
class ReplicationRulesTest {

    private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234";
    private static final String ROLE = "arn:aws:iam::111122223333:role/messer-replication";
    private final ReplicationRules dev = new ReplicationRules("aws", "dev");
    private final ReplicationRules.Destination eu = new ReplicationRules.Destination("eu-west-1", "acme-secrets-eu", KEY);

    @Test
    void theRule_selectsSseKmsObjects_reEncryptsUnderTheRegionsKey_andReplicatesDeleteMarkers() {
        ReplicationRule rule = dev.rule(eu, 3);
        assertThat(rule.id()).isEqualTo("messer-dev-eu-west-1");
        assertThat(rule.status()).isEqualTo(ReplicationRuleStatus.ENABLED);
        assertThat(rule.priority()).isEqualTo(3);
        assertThat(rule.filter().prefix()).isEqualTo("dev/");
        assertThat(rule.deleteMarkerReplication().status()).isEqualTo(DeleteMarkerReplicationStatus.ENABLED);
        assertThat(rule.sourceSelectionCriteria().sseKmsEncryptedObjects().status())
                .isEqualTo(SseKmsEncryptedObjectsStatus.ENABLED);
        assertThat(rule.destination().bucket()).isEqualTo("arn:aws:s3:::acme-secrets-eu");
        assertThat(rule.destination().encryptionConfiguration().replicaKmsKeyID()).isEqualTo(KEY);
    }

    @Test
    void eachMissingField_isAProblem() {
        ReplicationRule good = dev.rule(eu, 1);
        assertThat(dev.problems(Optional.of(config(good)), List.of(eu))).isEmpty();
        ReplicationRule noMarkers = good.toBuilder().deleteMarkerReplication(d -> d
                .status(DeleteMarkerReplicationStatus.DISABLED)).build();
        ReplicationRule noSse = good.toBuilder().sourceSelectionCriteria((software.amazon.awssdk.services.s3.model
                .SourceSelectionCriteria) null).build();
        ReplicationRule noKey = good.toBuilder().destination(d -> d.bucket("arn:aws:s3:::acme-secrets-eu")).build();
        assertThat(dev.problems(Optional.of(config(noMarkers)), List.of(eu))).singleElement().asString()
                .contains("delete markers are not replicated");
        assertThat(dev.problems(Optional.of(config(noSse)), List.of(eu))).singleElement().asString()
                .contains("SseKmsEncryptedObjects");
        assertThat(dev.problems(Optional.of(config(noKey)), List.of(eu))).singleElement().asString()
                .contains("ReplicaKmsKeyID is null, not " + KEY);
        assertThat(dev.problems(Optional.empty(), List.of(eu))).containsExactly("rule messer-dev-eu-west-1 is missing");
    }

    @Test
    void merge_keepsOtherTiersRules_replacesOnlyThisTiers_andKeepsPrioritiesUnique() {
        ReplicationRule qa = new ReplicationRules("aws", "qa").rule(eu, 1);
        ReplicationRule own = ReplicationRule.builder().id("their-own").priority(2).status(ReplicationRuleStatus.ENABLED)
                .filter(f -> f.prefix("logs/")).destination(d -> d.bucket("arn:aws:s3:::logs")).build();
        ReplicationRule staleDev = dev.rule(new ReplicationRules.Destination("eu-west-1", "old", KEY), 2);
        ReplicationConfiguration merged = dev.merged(Optional.of(ReplicationConfiguration.builder().role(ROLE)
                .rules(qa, own, staleDev).build()), ROLE, List.of(eu));

        assertThat(merged.role()).isEqualTo(ROLE);
        assertThat(merged.rules()).contains(qa, own);
        assertThat(merged.rules()).extracting(ReplicationRule::id).containsExactly("messer-qa-eu-west-1", "their-own",
                "messer-dev-eu-west-1");
        assertThat(merged.rules()).extracting(ReplicationRule::priority).doesNotHaveDuplicates();
        assertThat(merged.rules().get(2).destination().bucket()).isEqualTo("arn:aws:s3:::acme-secrets-eu");
        assertThat(dev.problems(Optional.of(merged), List.of(eu))).isEmpty();
        assertThat(new ReplicationRules("aws", "qa").problems(Optional.of(merged), List.of(eu))).isEmpty();
    }

    @Test
    void merge_keepsThisTiersPriority_whenItIsStillFree_andOurRulesAreTheTiersOnly() {
        ReplicationRule devRule = dev.rule(eu, 7);
        ReplicationConfiguration merged = dev.merged(Optional.of(config(devRule)), ROLE, List.of(eu));
        assertThat(merged.rules()).containsExactly(devRule);
        assertThat(dev.ours(new ReplicationRules("aws", "dev-eu").rule(
                new ReplicationRules.Destination("us-east-1", "b", KEY), 1))).isFalse();
        assertThat(new ReplicationRules("aws", "dev-eu").ours(devRule)).isFalse();
    }

    private static ReplicationConfiguration config(ReplicationRule... rules) {
        return ReplicationConfiguration.builder().role(ROLE).rules(rules).build();
    }
}
