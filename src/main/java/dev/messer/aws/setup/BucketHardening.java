package dev.messer.aws.setup;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.messer.aws.AwsErrors;
import dev.messer.aws.AwsPartition;
import dev.messer.aws.PlainHttpRefusal;
import dev.messer.aws.policy.BucketPolicyReview;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * What a messer bucket must be: present, public access blocked (all four settings), default
 * encryption SSE-KMS (under {@code sse_kms_key_id} when set), versioning enabled, a bucket policy
 * statement that denies every request to the bucket and its objects not made over TLS, and no broad
 * grant in the bucket policy. {@link #review} says what differs; {@link #apply} makes it so, changing
 * only what differs, and says what it changed. Broad grants are left for a person to remove.
 * Over a plain-HTTP endpoint (an emulator) the TLS-only policy is neither required nor applied: it
 * would refuse every later request made through that endpoint.
 */
public final class BucketHardening {

    /** The Sid of the statement this tool adds to a bucket policy (other statements are kept). */
    public static final String TLS_STATEMENT_SID = PlainHttpRefusal.TLS_STATEMENT_SID;
    /** What to do about broad grants in a bucket policy, which neither {@link #apply} nor anything else removes. */
    public static final String BROAD_GRANTS_FIX = "remove the broad grants from the bucket policy by hand "
            + "('aws s3api put-bucket-policy'; see docs/setup.md)";

    private final S3Client s3;
    private final Region region;
    private final Optional<String> sseKmsKeyId;
    private final boolean tlsPolicy;
    private final String partition;

    /** @param tlsPolicy false over a plain-HTTP endpoint: the TLS-only statement is then left out */
    public BucketHardening(S3Client s3, Region region, Optional<String> sseKmsKeyId, boolean tlsPolicy) {
        this.s3 = s3;
        this.region = region;
        this.sseKmsKeyId = sseKmsKeyId;
        this.tlsPolicy = tlsPolicy;
        this.partition = AwsPartition.of(region.id());
    }

    /** A bucket's state as far as this tool cares. */
    private record State(boolean exists, boolean publicAccessBlocked, boolean kmsEncrypted, boolean versioned,
                         Optional<String> policy, boolean tlsOnly, List<String> broadGrants) {
    }

    /**
     * What differs from the required state.
     *
     * @param fixable     what {@link #apply} sets, as short phrases ("versioning is not enabled")
     * @param broadGrants the bucket policy's statements that grant too much ({@link BucketPolicyReview#broadGrants}),
     *                    left for a person to remove
     */
    public record Review(List<String> fixable, List<String> broadGrants) {

        public Review {
            fixable = List.copyOf(fixable);
            broadGrants = List.copyOf(broadGrants);
        }

        public List<String> all() {
            List<String> all = new ArrayList<>(fixable);
            broadGrants.forEach(grant -> all.add("the bucket policy's " + grant));
            return all;
        }
    }

    /**
     * What differs from the required state, as short phrases; empty when the bucket is as required.
     *
     * @throws AccessDeniedException if the bucket's settings cannot be read with these credentials
     */
    public List<String> problems(String bucket) {
        return review(bucket).all();
    }

    /** @throws AccessDeniedException if the bucket's settings cannot be read with these credentials */
    public Review review(String bucket) {
        State state = read(bucket);
        List<String> problems = new ArrayList<>();
        if (!state.exists()) {
            return new Review(List.of("the bucket does not exist"), List.of());
        }
        if (!state.publicAccessBlocked()) {
            problems.add("public access is not blocked");
        }
        if (!state.kmsEncrypted()) {
            problems.add("default encryption is not SSE-KMS" + sseKmsKeyId.map(k -> " under " + k).orElse(""));
        }
        if (!state.versioned()) {
            problems.add("versioning is not enabled");
        }
        if (tlsPolicy && !state.tlsOnly()) {
            problems.add("the bucket policy does not deny requests without TLS");
        }
        return new Review(problems, state.broadGrants());
    }

    /** Creates the bucket if needed and sets what differs. @return what was changed, empty if nothing */
    public List<String> apply(String bucket) {
        State state = read(bucket);
        List<String> changes = new ArrayList<>();
        call(bucket, "s3:CreateBucket", () -> {
            if (!state.exists()) {
                s3.createBucket(r -> {
                    r.bucket(bucket);
                    if (!region.equals(Region.US_EAST_1)) {
                        r.createBucketConfiguration(c -> c.locationConstraint(region.id()));
                    }
                });
                changes.add("created in " + region.id());
            }
        });
        call(bucket, "s3:PutBucketPublicAccessBlock", () -> {
            if (!state.publicAccessBlocked()) {
                s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c -> c
                        .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
                changes.add("public access blocked");
            }
        });
        call(bucket, "s3:PutEncryptionConfiguration", () -> {
            if (!state.kmsEncrypted()) {
                ServerSideEncryptionByDefault.Builder byDefault = ServerSideEncryptionByDefault.builder()
                        .sseAlgorithm(ServerSideEncryption.AWS_KMS);
                sseKmsKeyId.ifPresent(byDefault::kmsMasterKeyID);
                s3.putBucketEncryption(r -> r.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(
                        ServerSideEncryptionRule.builder().applyServerSideEncryptionByDefault(byDefault.build())
                                .bucketKeyEnabled(true).build())));
                changes.add("default encryption SSE-KMS" + sseKmsKeyId.map(k -> " (" + k + ")").orElse(""));
            }
        });
        call(bucket, "s3:PutBucketVersioning", () -> {
            if (!state.versioned()) {
                s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(c -> c
                        .status(BucketVersioningStatus.ENABLED)));
                changes.add("versioning enabled");
            }
        });
        call(bucket, "s3:PutBucketPolicy", () -> {
            if (tlsPolicy && !state.tlsOnly()) {
                s3.putBucketPolicy(r -> r.bucket(bucket).policy(withTlsStatement(state.policy(), bucket, partition)));
                changes.add("TLS-only bucket policy");
            }
        });
        return changes;
    }

    private State read(String bucket) {
        boolean exists = exists(bucket);
        if (!exists) {
            return new State(false, false, false, false, Optional.empty(), false, List.of());
        }
        boolean blocked = readOr(bucket, "s3:GetBucketPublicAccessBlock", "NoSuchPublicAccessBlockConfiguration", false,
                () -> {
                    PublicAccessBlockConfiguration c = s3.getPublicAccessBlock(r -> r.bucket(bucket))
                            .publicAccessBlockConfiguration();
                    return isTrue(c.blockPublicAcls()) && isTrue(c.ignorePublicAcls()) && isTrue(c.blockPublicPolicy())
                            && isTrue(c.restrictPublicBuckets());
                });
        boolean encrypted = readOr(bucket, "s3:GetEncryptionConfiguration",
                "ServerSideEncryptionConfigurationNotFoundError", false,
                () -> s3.getBucketEncryption(r -> r.bucket(bucket)).serverSideEncryptionConfiguration().rules().stream()
                        .map(ServerSideEncryptionRule::applyServerSideEncryptionByDefault)
                        .anyMatch(d -> d != null && d.sseAlgorithm() == ServerSideEncryption.AWS_KMS
                                && sseKmsKeyId.map(k -> k.equals(d.kmsMasterKeyID())).orElse(true)));
        boolean versioned = readOr(bucket, "s3:GetBucketVersioning", null, false,
                () -> s3.getBucketVersioning(r -> r.bucket(bucket)).status() == BucketVersioningStatus.ENABLED);
        Optional<String> policy = readOr(bucket, "s3:GetBucketPolicy", "NoSuchBucketPolicy", Optional.empty(),
                () -> Optional.ofNullable(s3.getBucketPolicy(r -> r.bucket(bucket)).policy()));
        Optional<BucketPolicyReview> review = policy.flatMap(BucketHardening::parse);
        return new State(true, blocked, encrypted, versioned, policy,
                review.map(r -> r.deniesInsecureTransport(bucket, partition)).orElse(false),
                review.map(BucketPolicyReview::broadGrants).orElse(List.of()));
    }

    private boolean exists(String bucket) {
        try {
            s3.headBucket(r -> r.bucket(bucket));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            if (e.statusCode() == 403) {
                throw new AccessDeniedException("bucket " + bucket + " exists but these credentials may not use it "
                        + "(another account's, or s3:ListBucket is missing); pick another name or fix the policy");
            }
            throw AwsErrors.translate(e, "S3", "s3:ListBucket", "s3://" + bucket);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "S3", "s3:ListBucket", "s3://" + bucket);
        }
    }

    /** The statement text of the TLS-only deny for {@code bucket}. */
    static JsonObject tlsStatement(String bucket, String partition) {
        JsonObject statement = new JsonObject();
        statement.addProperty("Sid", TLS_STATEMENT_SID);
        statement.addProperty("Effect", "Deny");
        statement.addProperty("Principal", "*");
        statement.addProperty("Action", "s3:*");
        JsonArray resources = new JsonArray();
        resources.add("arn:" + partition + ":s3:::" + bucket);
        resources.add("arn:" + partition + ":s3:::" + bucket + "/*");
        statement.add("Resource", resources);
        JsonObject bool = new JsonObject();
        bool.addProperty("aws:SecureTransport", "false");
        JsonObject condition = new JsonObject();
        condition.add("Bool", bool);
        statement.add("Condition", condition);
        return statement;
    }

    /** The existing policy (its other statements kept) with the TLS statement added. */
    static String withTlsStatement(Optional<String> existing, String bucket, String partition) {
        return BucketPolicyText.withStatement(existing, tlsStatement(bucket, partition));
    }

    /** The review of a policy S3 returned; empty, so that the TLS statement is added again, if it does not parse. */
    private static Optional<BucketPolicyReview> parse(String policy) {
        try {
            return Optional.of(BucketPolicyReview.of(policy));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    private interface Read<T> {
        T get();
    }

    private interface Call {
        void run();
    }

    private <T> T readOr(String bucket, String action, String absentCode, T absent, Read<T> read) {
        try {
            return read.get();
        } catch (S3Exception e) {
            if (absentCode != null && absentCode.equals(AwsErrors.errorCode(e))) {
                return absent;
            }
            throw AwsErrors.translate(e, "S3", action, "s3://" + bucket);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "S3", action, "s3://" + bucket);
        }
    }

    private static void call(String bucket, String action, Call call) {
        try {
            call.run();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "S3", action, "s3://" + bucket);
        }
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
