package dev.messer.aws.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPolicyReviewTest {

    private static final String ACCOUNT = "123456789012";
    private static final String READER = "arn:aws:iam::123456789012:role/messer-reader";
    private static final String AWS_DEFAULT = """
            {"Version": "2012-10-17", "Id": "key-default-1", "Statement": [
              {"Sid": "Enable IAM User Permissions", "Effect": "Allow",
               "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "kms:*", "Resource": "*"}]}
            """;

    private static JsonObject wanted() {
        return KeyPolicy.of("aws", ACCOUNT, new KeyPolicyRoles(List.of(), List.of(), List.of(), List.of(READER)),
                ContextConditions.of("dev", EncryptionContext.empty(), true), false);
    }

    @Test
    void awsDefaultPolicy_hasNoBroadGrant() {
        assertThat(KeyPolicyReview.of(AWS_DEFAULT).broadGrants("aws", ACCOUNT, List.of())).isEmpty();
    }

    @Test
    void principalStarWithoutConditions_isABroadGrant_butWithConditionsItIsNot() {
        String planted = AWS_DEFAULT.replace("}]}", "}, {\"Sid\": \"Planted\", \"Effect\": \"Allow\", \"Principal\": \"*\","
                + " \"Action\": \"kms:Decrypt\", \"Resource\": \"*\"}]}");
        assertThat(KeyPolicyReview.of(planted).broadGrants("aws", ACCOUNT, List.of()))
                .containsExactly("statement Planted allows kms:Decrypt to Principal \"*\" without conditions");
        String conditioned = AWS_DEFAULT.replace("}]}", "}, {\"Sid\": \"ViaOrg\", \"Effect\": \"Allow\", \"Principal\": "
                + "{\"AWS\": \"*\"}, \"Action\": \"kms:Decrypt\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": "
                + "{\"aws:PrincipalOrgID\": \"o-123\"}}}]}");
        assertThat(KeyPolicyReview.of(conditioned).broadGrants("aws", ACCOUNT, List.of())).isEmpty();
    }

    @Test
    void kmsStar_toAnyoneButTheRootAndKeyAdmins_isABroadGrant() {
        String other = AWS_DEFAULT.replace("}]}", "}, {\"Sid\": \"TooMuch\", \"Effect\": \"Allow\", \"Principal\": "
                + "{\"AWS\": [\"" + READER + "\"]}, \"Action\": [\"kms:*\"], \"Resource\": \"*\"}]}");
        assertThat(KeyPolicyReview.of(other).broadGrants("aws", ACCOUNT, List.of()))
                .containsExactly("statement TooMuch allows kms:* to " + READER);
        assertThat(KeyPolicyReview.of(other).broadGrants("aws", ACCOUNT, List.of(READER))).isEmpty();
    }

    @Test
    void missingStatements_areAdded_andEveryOtherStatementIsKeptAsItIs() {
        KeyPolicyReview review = KeyPolicyReview.of(AWS_DEFAULT);
        assertThat(review.missingStatements(wanted())).containsExactly("MesserRootFullAccess", "MesserReadersUnwrap");
        JsonObject merged = review.withMissingStatements(wanted());
        assertThat(merged.getAsJsonArray("Statement")).hasSize(3);
        assertThat(merged.getAsJsonArray("Statement").get(0)).isEqualTo(KeyPolicyReview.of(AWS_DEFAULT).policy()
                .getAsJsonArray("Statement").get(0));
        assertThat(KeyPolicyReview.of(merged).missingStatements(wanted())).isEmpty();
        assertThat(KeyPolicyReview.of(merged).withMissingStatements(wanted())).isEqualTo(merged);
    }

    @Test
    void allowedTo_readsTheGrantsOfThatPrincipal_orItsAssumedRole() {
        KeyPolicyReview review = KeyPolicyReview.of(wanted());
        assertThat(review.allowedTo(READER, List.of("kms:Decrypt", "kms:GenerateDataKeyWithoutPlaintext")))
                .containsExactly("kms:Decrypt (with conditions)");
        assertThat(review.allowedTo("arn:aws:sts::123456789012:assumed-role/messer-reader/ci", List.of("kms:Decrypt")))
                .containsExactly("kms:Decrypt (with conditions)");
        assertThat(review.allowedTo("arn:aws:iam::123456789012:role/other", List.of("kms:Decrypt"))).isEmpty();
    }

    @Test
    void notJson_isInvalidInput() {
        assertThatThrownBy(() -> KeyPolicyReview.of("not json")).isInstanceOf(InvalidInputException.class);
    }
}
