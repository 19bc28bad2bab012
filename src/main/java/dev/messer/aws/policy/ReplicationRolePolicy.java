package dev.messer.aws.policy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * The IAM role S3 Replication of the home secrets bucket runs under, with least privilege: trusted
 * by {@code s3.amazonaws.com} alone; reads the replication configuration and lists the home bucket;
 * reads the tier's object versions there; replicates objects, deletes and tags into the tier's
 * prefix of the other regions' secrets buckets; decrypts through the home region's S3 and encrypts
 * under each other region's key through that region's S3 ({@code kms:ViaService}). Tiers share the
 * role, each with an inline policy of its own ({@link #policyName}).
 */
public final class ReplicationRolePolicy {

    /** The role's name when none is given and the bucket names none. */
    public static final String DEFAULT_ROLE = "messer-replication";

    /**
     * @param region    a region
     * @param bucket    its secrets bucket
     * @param keyArn    the key its objects are decrypted with (home) or encrypted under (others); for
     *                  the home region without {@code sse_kms_key_id}, any key of the region through its S3
     */
    public record Side(String region, String bucket, String keyArn) {
    }

    private ReplicationRolePolicy() {
    }

    /** The inline policy's name: one per tier and home bucket, so tiers never replace each other's. */
    public static String policyName(String tier, String homeBucket) {
        return "messer-" + (tier.isEmpty() ? "" : tier + "-") + homeBucket;
    }

    /** {@code arn:PARTITION:iam::ACCOUNT:role/NAME} for a name, or the ARN as given. */
    public static String roleArn(String partition, String account, String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn : "arn:" + partition + ":iam::" + account + ":role/" + nameOrArn;
    }

    /** The role's trust policy: S3 alone may assume it. */
    public static JsonObject trustPolicy() {
        JsonObject principal = new JsonObject();
        principal.addProperty("Service", "s3.amazonaws.com");
        JsonObject statement = new JsonObject();
        statement.addProperty("Effect", "Allow");
        statement.add("Principal", principal);
        statement.addProperty("Action", "sts:AssumeRole");
        return document(List.of(statement));
    }

    /** The inline policy of one tier, replicating {@code home} to every one of {@code others}. */
    public static JsonObject permissions(String partition, String tierPrefix, Side home, List<Side> others) {
        String homeBucket = "arn:" + partition + ":s3:::" + home.bucket();
        JsonArray replicas = new JsonArray();
        others.forEach(side -> replicas.add("arn:" + partition + ":s3:::" + side.bucket() + "/" + tierPrefix + "*"));
        List<JsonObject> statements = new java.util.ArrayList<>();
        statements.add(statement("SourceBucket", List.of("s3:GetReplicationConfiguration", "s3:ListBucket"),
                PolicyValues.array(List.of(homeBucket)), null));
        statements.add(statement("SourceObjects", List.of("s3:GetObjectVersionForReplication",
                "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"),
                PolicyValues.array(List.of(homeBucket + "/" + tierPrefix + "*")), null));
        statements.add(statement("ReplicaObjects", List.of("s3:ReplicateObject", "s3:ReplicateDelete",
                "s3:ReplicateTags"), replicas, null));
        statements.add(statement("SourceDecrypt", List.of("kms:Decrypt"), PolicyValues.array(List.of(home.keyArn())),
                viaS3(home.region())));
        for (Side side : others) {
            statements.add(statement("ReplicaEncrypt" + side.region().replace("-", ""), List.of("kms:Encrypt"),
                    PolicyValues.array(List.of(side.keyArn())), viaS3(side.region())));
        }
        return document(statements);
    }

    private static JsonObject viaS3(String region) {
        return PolicyValues.condition("StringEquals", "kms:ViaService", "s3." + region + ".amazonaws.com");
    }

    private static JsonObject statement(String sid, List<String> actions, JsonArray resources, JsonObject condition) {
        JsonObject statement = new JsonObject();
        statement.addProperty("Sid", sid);
        statement.addProperty("Effect", "Allow");
        statement.add("Action", PolicyValues.array(actions));
        statement.add("Resource", resources);
        if (condition != null) {
            statement.add("Condition", condition);
        }
        return statement;
    }

    private static JsonObject document(List<JsonObject> statements) {
        JsonArray array = new JsonArray();
        statements.forEach(array::add);
        JsonObject policy = new JsonObject();
        policy.addProperty("Version", "2012-10-17");
        policy.add("Statement", array);
        return policy;
    }
}
