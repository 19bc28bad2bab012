package dev.messer.aws.policy;

import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import dev.messer.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an S3 bucket policy as text: whether it denies every request made without TLS, and its
 * broad grants ({@link BroadGrants}). Statements are read as IAM reads them ({@link PolicyStatement}).
 */
public final class BucketPolicyReview {

    private static final String SECURE_TRANSPORT = "aws:securetransport";

    private final List<PolicyStatement> statements;

    private BucketPolicyReview(List<PolicyStatement> statements) {
        this.statements = statements;
    }

    /** @throws InvalidInputException if the text is not a JSON policy */
    public static BucketPolicyReview of(String text) {
        try {
            return new BucketPolicyReview(PolicyStatement.of(JsonParser.parseString(text).getAsJsonObject()));
        } catch (JsonSyntaxException | IllegalStateException | UnsupportedOperationException e) {
            throw new InvalidInputException("the bucket policy is not a JSON policy document");
        }
    }

    /**
     * Whether a statement denies, to everyone, every S3 action ({@code s3:*} in any case, or
     * {@code *}) on both the bucket and all its objects, under the one condition
     * {@code "Bool": {"aws:SecureTransport": "false"}}. Any other condition beside it could keep the
     * deny from applying, so such a statement does not count, nor does one with
     * {@code NotPrincipal}, {@code NotAction} or {@code NotResource}, nor one about other resources.
     */
    public boolean deniesInsecureTransport(String bucket, String partition) {
        String arn = "arn:" + partition + ":s3:::" + bucket;
        for (PolicyStatement statement : statements) {
            if (!statement.isDeny() || !statement.anyone() || statement.everyActionOf("s3") == null
                    || statement.hasNotResource()) {
                continue;
            }
            List<String> resources = statement.resources();
            boolean bucketCovered = resources.stream().anyMatch(r -> IamGlob.matches(r, arn, false));
            boolean objectsCovered = resources.stream()
                    .anyMatch(r -> IamGlob.matchesEveryValueStartingWith(r, arn + "/", false));
            if (bucketCovered && objectsCovered && onlyInsecureTransport(statement.conditions())) {
                return true;
            }
        }
        return false;
    }

    /** The statements that grant too much, each as "statement SID allows ...". */
    public List<String> broadGrants() {
        List<String> found = new ArrayList<>();
        for (PolicyStatement statement : statements) {
            String open = BroadGrants.of(statement);
            if (open != null) {
                found.add(open);
            }
        }
        return found;
    }

    private static boolean onlyInsecureTransport(Map<String, Map<String, List<String>>> conditions) {
        if (conditions.size() != 1) {
            return false;
        }
        var only = conditions.entrySet().iterator().next();
        if (!only.getKey().toLowerCase(Locale.ROOT).equals("bool") || only.getValue().size() != 1) {
            return false;
        }
        List<String> values = only.getValue().get(SECURE_TRANSPORT);
        return values != null && !values.isEmpty() && values.stream().allMatch(v -> v.equalsIgnoreCase("false"));
    }
}
