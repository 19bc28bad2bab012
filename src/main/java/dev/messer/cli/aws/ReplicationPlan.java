package dev.messer.cli.aws;

import com.google.gson.JsonObject;
import dev.messer.aws.policy.ReplicationRolePolicy;
import dev.messer.aws.setup.ReplicationRules;
import dev.messer.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the replication of a profile with {@code regions} is made of, the same for {@code setup aws}
 * and {@code policy aws}: the home secrets bucket, one rule per other region (its secrets bucket and
 * the ARN of its KMS key), and the tier's inline policy of the replication role.
 *
 * @param partition    the partition of the ARNs
 * @param account      the account of the role
 * @param rules        the tier's rules
 * @param homeBucket   the home region's secrets bucket
 * @param destinations one per other region, in the order of {@code regions}
 * @param policyName   the name of the tier's inline policy on the role
 * @param permissions  that policy
 */
record ReplicationPlan(String partition, String account, ReplicationRules rules, String homeBucket,
                       List<ReplicationRules.Destination> destinations, String policyName, JsonObject permissions) {

    /**
     * @param keyArns the ARN of each region's KMS key. The role decrypts the home bucket's objects
     *                under {@code sse_kms_key_id} when that names a key, else under any key of the home
     *                region, and only through the home region's S3 ({@code kms:ViaService})
     */
    static ReplicationPlan of(Settings settings, String partition, String account, Map<String, String> keyArns) {
        List<String> regions = settings.regions();
        String home = regions.get(0);
        String tier = settings.common().tier();
        ReplicationRules rules = new ReplicationRules(partition, tier);
        String homeBucket = settings.forRegion(home).aws().secretsBucket().value();
        List<ReplicationRules.Destination> destinations = new ArrayList<>();
        List<ReplicationRolePolicy.Side> others = new ArrayList<>();
        for (String region : regions.subList(1, regions.size())) {
            String bucket = settings.forRegion(region).aws().secretsBucket().value();
            destinations.add(new ReplicationRules.Destination(region, bucket, keyArns.get(region)));
            others.add(new ReplicationRolePolicy.Side(region, bucket, keyArns.get(region)));
        }
        Optional<String> sse = settings.forRegion(home).aws().sseKmsKeyId();
        String anyKey = "arn:" + partition + ":kms:" + home + ":" + account + ":key/*";
        String sourceKey = sse.filter(key -> !key.startsWith("alias/") && !key.contains(":alias/"))
                .map(key -> key.startsWith("arn:") ? key : anyKey.replace("*", key)).orElse(anyKey);
        JsonObject permissions = ReplicationRolePolicy.permissions(partition, rules.prefix(),
                new ReplicationRolePolicy.Side(home, homeBucket, sourceKey), others);
        return new ReplicationPlan(partition, account, rules, homeBucket, destinations,
                ReplicationRolePolicy.policyName(tier, homeBucket), permissions);
    }

    /** The role's ARN for a name or an ARN. */
    String roleArn(String nameOrArn) {
        return ReplicationRolePolicy.roleArn(partition, account, nameOrArn);
    }
}
