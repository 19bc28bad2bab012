package dev.messer.aws.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The bucket policy as messer reads it: the TLS-only deny, and the grants no messer bucket should make. */
class BucketPolicyReviewTest {

    private static final String RESOURCES = "[\"arn:aws:s3:::acme-secrets\", \"arn:aws:s3:::acme-secrets/*\"]";

    private static String policy(String... statements) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [" + String.join(", ", statements) + "]}";
    }

    private static String tlsDeny(String principal, String action, String resources, String condition) {
        return "{\"Sid\": \"Tls\", \"Effect\": \"Deny\", \"Principal\": " + principal + ", \"Action\": " + action
                + ", \"Resource\": " + resources + ", \"Condition\": {" + condition + "}}";
    }

    private static boolean tlsOnly(String policy) {
        return BucketPolicyReview.of(policy).deniesInsecureTransport("acme-secrets", "aws");
    }

    private static final String INSECURE = "\"Bool\": {\"aws:SecureTransport\": \"false\"}";

    @Test
    void theTlsOnlyDeny_counts_inEveryWayIamReadsIt() {
        assertThat(tlsOnly(policy(tlsDeny("\"*\"", "\"s3:*\"", RESOURCES, INSECURE)))).isTrue();
        assertThat(tlsOnly(policy(tlsDeny("{\"AWS\": \"*\"}", "[\"S3:*\"]", RESOURCES, INSECURE)))).isTrue();
        assertThat(tlsOnly(policy(tlsDeny("\"*\"", "\"*\"", "\"*\"", "\"Bool\": {\"AWS:SecureTransport\": [\"false\"]}"))))
                .isTrue();
        assertThat(tlsOnly(policy(tlsDeny("\"*\"", "\"s3:*\"", "\"arn:aws:s3:::acme-secrets*\"", INSECURE)))).isTrue();
    }

    @Test
    void aTlsDenyWithAnyOtherCondition_doesNotCount_asItMayNotApply() {
        String[] extras = {
            INSECURE + ", \"StringEquals\": {\"aws:PrincipalAccount\": \"111111111111\"}",
            "\"Bool\": {\"aws:SecureTransport\": \"false\", \"aws:ViaAWSService\": \"false\"}",
            INSECURE + ", \"IpAddress\": {\"aws:SourceIp\": \"203.0.113.0/24\"}",
            "\"BoolIfExists\": {\"aws:SecureTransport\": \"false\"}",
            "\"Bool\": {\"aws:SecureTransport\": [\"false\", \"true\"]}",
        };
        for (String condition : extras) {
            assertThat(tlsOnly(policy(tlsDeny("\"*\"", "\"s3:*\"", RESOURCES, condition)))).as(condition).isFalse();
        }
    }

    @Test
    void aTlsDenyThatLeavesSomeoneOrSomethingOut_doesNotCount() {
        assertThat(tlsOnly(policy(tlsDeny("\"*\"", "\"s3:Get*\"", RESOURCES, INSECURE)))).isFalse();
        assertThat(tlsOnly(policy(tlsDeny("{\"AWS\": \"arn:aws:iam::123456789012:root\"}", "\"s3:*\"", RESOURCES,
                INSECURE)))).isFalse();
        assertThat(tlsOnly(policy(tlsDeny("\"*\"", "\"s3:*\"", "[\"arn:aws:s3:::acme-secrets\", "
                + "\"arn:aws:s3:::acme-secrets/prod/*\"]", INSECURE)))).isFalse();
        assertThat(tlsOnly(policy(tlsDeny("\"*\"", "\"s3:*\"", "[\"arn:aws:s3:::other\", \"arn:aws:s3:::other/*\"]",
                INSECURE)))).isFalse();
        assertThat(tlsOnly(policy(tlsDeny("\"*\"", "\"s3:*\"", RESOURCES, INSECURE).replace("\"Principal\"",
                "\"NotPrincipal\"")))).isFalse();
        assertThat(tlsOnly(policy(tlsDeny("\"*\"", "\"s3:GetObject\"", RESOURCES, INSECURE).replace("\"Action\"",
                "\"NotAction\"")))).isFalse();
        assertThat(tlsOnly(policy(tlsDeny("\"*\"", "\"s3:*\"", RESOURCES, INSECURE).replace("\"Effect\": \"Deny\"",
                "\"Effect\": \"Allow\"")))).isFalse();
    }

    @Test
    void broadGrants_notPrincipal_notAction_andAnUnpinnedPrincipalStar() {
        String policy = policy(
                "{\"Sid\": \"AllBut\", \"Effect\": \"Allow\", \"NotPrincipal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"},"
                        + " \"Action\": \"s3:GetObject\", \"Resource\": \"arn:aws:s3:::acme-secrets/*\"}",
                "{\"Sid\": \"AllActions\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:role/ci\"},"
                        + " \"NotAction\": \"s3:DeleteBucket\", \"Resource\": \"arn:aws:s3:::acme-secrets/*\"}",
                "{\"Sid\": \"FromTheVpc\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\","
                        + " \"Resource\": \"arn:aws:s3:::acme-secrets/*\", \"Condition\": {\"StringEquals\": "
                        + "{\"aws:SourceVpce\": \"vpce-1a2b3c4d\"}}}",
                "{\"Sid\": \"OurOrg\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\","
                        + " \"Resource\": \"arn:aws:s3:::acme-secrets/*\", \"Condition\": {\"StringEquals\": "
                        + "{\"aws:PrincipalOrgID\": \"o-a1b2c3d4e5\"}}}",
                tlsDeny("\"*\"", "\"s3:*\"", RESOURCES, INSECURE));
        assertThat(BucketPolicyReview.of(policy).broadGrants()).containsExactly(
                "statement AllBut allows s3:GetObject to every principal but arn:aws:iam::123456789012:root (NotPrincipal)",
                "statement AllActions allows every action but s3:DeleteBucket (NotAction) to arn:aws:iam::123456789012:role/ci",
                "statement FromTheVpc allows s3:GetObject to Principal \"*\" without a condition that pins the caller's "
                        + "account, organisation or ARN");
    }

    @Test
    void aSidWithTerminalEscapes_isPrintedEscaped() {
        String policy = policy("{\"Sid\": \"x\\u001b]0;owned\\u0007\", \"Effect\": \"Allow\", \"Principal\": \"*\","
                + " \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}");
        assertThat(BucketPolicyReview.of(policy).broadGrants()).singleElement().asString()
                .startsWith("statement x\\x1b]0;owned\\x07 allows").doesNotContain("\u001b");
    }

    @Test
    void notJson_isInvalidInput() {
        assertThatThrownBy(() -> BucketPolicyReview.of("[1, 2]")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> BucketPolicyReview.of("{\"Statement\": [1]}")).isInstanceOf(InvalidInputException.class);
    }
}
