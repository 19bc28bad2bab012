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
    void principalStarWithoutConditions_isABroadGrant_butWithAPinningConditionItIsNot() {
        String planted = AWS_DEFAULT.replace("}]}", "}, {\"Sid\": \"Planted\", \"Effect\": \"Allow\", \"Principal\": \"*\","
                + " \"Action\": \"kms:Decrypt\", \"Resource\": \"*\"}]}");
        assertThat(KeyPolicyReview.of(planted).broadGrants("aws", ACCOUNT, List.of()))
                .containsExactly("statement Planted allows kms:Decrypt to Principal \"*\" without a condition that pins "
                        + "the caller's account, organisation or ARN");
        String conditioned = AWS_DEFAULT.replace("}]}", "}, {\"Sid\": \"ViaOrg\", \"Effect\": \"Allow\", \"Principal\": "
                + "{\"AWS\": \"*\"}, \"Action\": \"kms:Decrypt\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": "
                + "{\"aws:PrincipalOrgID\": \"o-a1b2c3d4e5\"}}}]}");
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
        assertThat(review.missingStatements(wanted())).as("the default statement already gives the root kms:*")
                .containsExactly("MesserReadersUnwrap");
        JsonObject merged = review.withMissingStatements(wanted());
        assertThat(merged.getAsJsonArray("Statement")).hasSize(2);
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

    private static String withStatement(String statement) {
        return AWS_DEFAULT.replace("}]}", "}, " + statement + "]}");
    }

    @Test
    void kmsStarInUpperCase_toAnotherAccountsRoot_isABroadGrant() {
        String policy = withStatement("{\"Sid\": \"Shouting\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::999999999999:root\"}, \"Action\": \"KMS:*\", \"Resource\": \"*\"}");
        assertThat(KeyPolicyReview.of(policy).broadGrants("aws", ACCOUNT, List.of()))
                .containsExactly("statement Shouting allows KMS:* to arn:aws:iam::999999999999:root");
    }

    @Test
    void everyWildcardThatCoversEveryKmsAction_isABroadGrant_butAPartialOneIsNot() {
        for (String pattern : List.of("*", "*:*", "Kms:*", "kms:**", "k?s:*", "km*")) {
            String policy = withStatement("{\"Sid\": \"Wild\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"" + READER
                    + "\"}, \"Action\": [\"kms:Decrypt\", \"" + pattern + "\"], \"Resource\": \"*\"}");
            assertThat(KeyPolicyReview.of(policy).broadGrants("aws", ACCOUNT, List.of())).as(pattern)
                    .containsExactly("statement Wild allows " + pattern + " to " + READER);
        }
        String partial = withStatement("{\"Sid\": \"Re\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"" + READER
                + "\"}, \"Action\": \"kms:Re*\", \"Resource\": \"*\"}");
        assertThat(KeyPolicyReview.of(partial).broadGrants("aws", ACCOUNT, List.of())).isEmpty();
        assertThat(KeyPolicyReview.of(partial).allowedTo(READER, List.of("kms:ReEncryptFrom", "kms:Decrypt")))
                .containsExactly("kms:ReEncryptFrom");
    }

    @Test
    void allowWithNotPrincipal_isABroadGrant() {
        String policy = withStatement("{\"Sid\": \"AllBut\", \"Effect\": \"Allow\", \"NotPrincipal\": {\"AWS\": "
                + "\"arn:aws:iam::123456789012:role/intern\"}, \"Action\": \"kms:*\", \"Resource\": \"*\"}");
        KeyPolicyReview review = KeyPolicyReview.of(policy);
        assertThat(review.broadGrants("aws", ACCOUNT, List.of()))
                .containsExactly("statement AllBut allows kms:* to every principal but "
                        + "arn:aws:iam::123456789012:role/intern (NotPrincipal)");
        assertThat(review.allowedTo("arn:aws:iam::999999999999:role/stranger", List.of("kms:Decrypt")))
                .containsExactly("kms:Decrypt");
        assertThat(review.allowedTo("arn:aws:iam::123456789012:role/intern", List.of("kms:Decrypt"))).isEmpty();
    }

    @Test
    void allowWithNotAction_isABroadGrant() {
        String policy = withStatement("{\"Sid\": \"AllButDelete\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": \""
                + READER + "\"}, \"NotAction\": \"kms:ScheduleKeyDeletion\", \"Resource\": \"*\"}");
        KeyPolicyReview review = KeyPolicyReview.of(policy);
        assertThat(review.broadGrants("aws", ACCOUNT, List.of()))
                .containsExactly("statement AllButDelete allows every action but kms:ScheduleKeyDeletion (NotAction) to "
                        + READER);
        assertThat(review.allowedTo(READER, List.of("kms:PutKeyPolicy", "kms:ScheduleKeyDeletion")))
                .containsExactly("kms:PutKeyPolicy");
    }

    @Test
    void aGrantToPrincipalStar_underAMesserSid_isBroad_andDoesNotCountAsTheMesserStatement() {
        JsonObject impostor = KeyPolicyTest.statement(wanted(), "MesserReadersUnwrap").deepCopy();
        impostor.addProperty("Principal", "*");
        String policy = withStatement(impostor.toString());
        KeyPolicyReview review = KeyPolicyReview.of(policy);
        assertThat(review.broadGrants("aws", ACCOUNT, List.of())).containsExactly("statement MesserReadersUnwrap allows "
                + "kms:Decrypt to Principal \"*\" without a condition that pins the caller's account, organisation or ARN");
        assertThat(review.missingStatements(wanted())).containsExactly("MesserReadersUnwrap");
        JsonObject merged = review.withMissingStatements(wanted());
        assertThat(KeyPolicyReview.of(merged).missingStatements(wanted())).isEmpty();
        assertThat(merged.getAsJsonArray("Statement")).extracting(s -> s.getAsJsonObject().get("Sid").getAsString())
                .doesNotHaveDuplicates().contains("MesserReadersUnwrap");
    }

    @Test
    void messerStatements_areRecognisedByTheirContent_whateverTheirSid() {
        JsonObject renamed = KeyPolicyTest.statement(wanted(), "MesserReadersUnwrap").deepCopy();
        renamed.addProperty("Sid", "ReadersOfDev");
        renamed.addProperty("Action", "KMS:decrypt");
        KeyPolicyReview review = KeyPolicyReview.of(withStatement(renamed.toString()));
        assertThat(review.missingStatements(wanted())).isEmpty();
        JsonObject weaker = renamed.deepCopy();
        weaker.remove("Condition");
        assertThat(KeyPolicyReview.of(withStatement(weaker.toString())).missingStatements(wanted()))
                .containsExactly("MesserReadersUnwrap");
    }

    @Test
    void principalStar_isBroad_unlessAPlainConditionPinsTheAccountOrganisationOrArn() {
        String[] pins = {
            "\"StringEquals\": {\"aws:PrincipalAccount\": \"123456789012\"}",
            "\"StringEquals\": {\"kms:CallerAccount\": [\"123456789012\", \"210987654321\"]}",
            "\"StringEquals\": {\"aws:SourceAccount\": \"123456789012\"}",
            "\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-a1b2c3d4e5\"}",
            "\"ForAnyValue:StringLike\": {\"aws:PrincipalOrgPaths\": \"o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*\"}",
            "\"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::123456789012:role/ci-*\"}",
            "\"StringEquals\": {\"aws:PrincipalArn\": \"arn:aws:iam::123456789012:role/ci\"}, "
                    + "\"Bool\": {\"aws:SecureTransport\": \"true\"}",
        };
        for (String pin : pins) {
            for (String principal : List.of("\"*\"", "{\"AWS\": \"*\"}", "{\"AWS\": [\"*\"]}")) {
                String policy = withStatement("{\"Sid\": \"Pinned\", \"Effect\": \"Allow\", \"Principal\": " + principal
                        + ", \"Action\": \"kms:Decrypt\", \"Resource\": \"*\", \"Condition\": {" + pin + "}}");
                assertThat(KeyPolicyReview.of(policy).broadGrants("aws", ACCOUNT, List.of())).as(pin).isEmpty();
            }
        }
        String[] loose = {
            "\"StringEqualsIfExists\": {\"aws:PrincipalAccount\": \"123456789012\"}",
            "\"ForAllValues:StringEquals\": {\"aws:PrincipalOrgID\": \"o-a1b2c3d4e5\"}",
            "\"StringLike\": {\"aws:PrincipalAccount\": \"*\"}",
            "\"StringLike\": {\"aws:PrincipalOrgID\": \"o-*\"}",
            "\"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::*:role/ci\"}",
            "\"StringNotEquals\": {\"aws:PrincipalAccount\": \"999999999999\"}",
            "\"StringEquals\": {\"kms:ViaService\": \"s3.us-east-1.amazonaws.com\"}",
            "\"StringEquals\": {\"aws:SourceVpce\": \"vpce-1a2b3c4d\"}",
        };
        for (String condition : loose) {
            String policy = withStatement("{\"Sid\": \"Loose\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, "
                    + "\"Action\": \"kms:Decrypt\", \"Resource\": \"*\", \"Condition\": {" + condition + "}}");
            assertThat(KeyPolicyReview.of(policy).broadGrants("aws", ACCOUNT, List.of())).as(condition)
                    .containsExactly("statement Loose allows kms:Decrypt to Principal \"*\" without a condition that "
                            + "pins the caller's account, organisation or ARN");
        }
    }

    @Test
    void actionNames_areComparedWithoutRegardToCase() {
        String policy = withStatement("{\"Sid\": \"Readers\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"" + READER
                + "\"}, \"Action\": \"KMS:DECRYPT\", \"Resource\": \"*\"}");
        assertThat(KeyPolicyReview.of(policy).allowedTo(READER, List.of("kms:Decrypt"))).containsExactly("kms:Decrypt");
    }
}
