package dev.messer.aws.setup;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.messer.aws.AwsErrors;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket policy statement that makes a secondary region's secrets bucket refuse writes: it
 * denies {@code s3:PutObject} and {@code s3:DeleteObject} on its objects to every principal but the
 * replication role ({@code StringNotLike aws:PrincipalArn}). A write there would be overwritten by
 * the replica of the home region's object. The statement is added to the bucket policy beside the
 * statements already there, which are kept.
 */
public final class WriteRefusal {

    public static final String SID = "MesserReplicaOnlyWrites";

    private final S3Client s3;
    private final String partition;

    public WriteRefusal(S3Client s3, String partition) {
        this.s3 = s3;
        this.partition = partition;
    }

    /** The statement for {@code bucket} that lets only {@code roleArn} write. */
    public static JsonObject statement(String partition, String bucket, String roleArn) {
        JsonObject statement = new JsonObject();
        statement.addProperty("Sid", SID);
        statement.addProperty("Effect", "Deny");
        statement.addProperty("Principal", "*");
        JsonArray actions = new JsonArray();
        actions.add("s3:PutObject");
        actions.add("s3:DeleteObject");
        statement.add("Action", actions);
        statement.addProperty("Resource", "arn:" + partition + ":s3:::" + bucket + "/*");
        JsonObject arn = new JsonObject();
        arn.addProperty("aws:PrincipalArn", roleArn);
        JsonObject condition = new JsonObject();
        condition.add("StringNotLike", arn);
        statement.add("Condition", condition);
        return statement;
    }

    /** What is wrong with the bucket's refusal, or empty when its policy holds the wanted statement. */
    public Optional<String> problem(String bucket, String roleArn) {
        Optional<String> policy = policy(bucket);
        Optional<JsonObject> have = policy.flatMap(p -> BucketPolicyText.statement(p, SID));
        if (have.isEmpty()) {
            return Optional.of("s3://" + bucket + " does not refuse writes (no " + SID + " statement in its policy)");
        }
        if (!have.get().equals(statement(partition, bucket, roleArn))) {
            return Optional.of("s3://" + bucket + ": the " + SID + " statement differs from the one that lets only "
                    + roleArn + " write");
        }
        return Optional.empty();
    }

    /** Adds or replaces the statement, keeping the policy's others. @return whether the policy changed */
    public boolean apply(String bucket, String roleArn) {
        if (problem(bucket, roleArn).isEmpty()) {
            return false;
        }
        String text = BucketPolicyText.withStatement(policy(bucket), statement(partition, bucket, roleArn));
        try {
            s3.putBucketPolicy(r -> r.bucket(bucket).policy(text));
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "S3", "s3:PutBucketPolicy", "s3://" + bucket);
        }
        return true;
    }

    private Optional<String> policy(String bucket) {
        try {
            return Optional.ofNullable(s3.getBucketPolicy(r -> r.bucket(bucket)).policy());
        } catch (S3Exception e) {
            if ("NoSuchBucketPolicy".equals(AwsErrors.errorCode(e))) {
                return Optional.empty();
            }
            throw AwsErrors.translate(e, "S3", "s3:GetBucketPolicy", "s3://" + bucket);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "S3", "s3:GetBucketPolicy", "s3://" + bucket);
        }
    }
}
