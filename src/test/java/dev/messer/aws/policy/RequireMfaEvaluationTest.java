package dev.messer.aws.policy;

import static dev.messer.aws.policy.KeyPolicyEvaluator.Outcome.ALLOWED;
import static dev.messer.aws.policy.KeyPolicyEvaluator.Outcome.DENIED;
import static dev.messer.aws.policy.KeyPolicyEvaluator.Outcome.LEFT_TO_IAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.messer.aws.policy.KeyPolicyEvaluator.Outcome;
import dev.messer.aws.policy.KeyPolicyEvaluator.Request;
import dev.messer.crypto.EncryptionContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code --require-mfa} does to each kind of caller, by evaluating the generated key policy
 * ({@link KeyPolicyEvaluator}; moto enforces no policy). The outcomes are the ones docs/aws.md
 * promises in "MFA for the key": IAM users and the account root need recent MFA for the guarded
 * actions, and so do the key administrator roles; role sessions that cannot carry MFA context
 * (IAM Identity Center, pipelines) are not locked out by the key policy.
 */
class RequireMfaEvaluationTest {

    private static final String ACCOUNT = "123456789012";
    private static final String KEY_ADMIN = "arn:aws:iam::123456789012:role/kms-admin";
    private static final String READER = "arn:aws:iam::123456789012:role/messer-reader";
    private static final String SSO_ROLE = "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/"
            + "AWSReservedSSO_AdministratorAccess_0123456789abcdef";
    private static final KeyPolicyRoles ROLES = new KeyPolicyRoles(List.of(KEY_ADMIN), List.of(), List.of(),
            List.of(READER));
    private static final JsonObject WITH_MFA = KeyPolicy.of("aws", ACCOUNT, ROLES,
            ContextConditions.of("prod", EncryptionContext.parse("team=payments"), false), true);
    private static final JsonObject WITHOUT_MFA = KeyPolicy.of("aws", ACCOUNT, ROLES,
            ContextConditions.of("prod", EncryptionContext.parse("team=payments"), false), false);

    /** The request context of one caller; {@code mfaAge} null for credentials that carry no MFA keys. */
    private static Map<String, String> caller(String principalArn, String type, String mfaPresent, String mfaAge) {
        Map<String, String> context = new HashMap<>();
        context.put("aws:PrincipalArn", principalArn);
        context.put("aws:PrincipalAccount", ACCOUNT);
        context.put("aws:PrincipalType", type);
        if (mfaPresent != null) {
            context.put("aws:MultiFactorAuthPresent", mfaPresent);
        }
        if (mfaAge != null) {
            context.put("aws:MultiFactorAuthAge", mfaAge);
        }
        return context;
    }

    private static final Map<String, String> USER_WITHOUT_MFA = caller("arn:aws:iam::123456789012:user/alice", "User",
            null, null);
    private static final Map<String, String> USER_WITH_MFA = caller("arn:aws:iam::123456789012:user/alice", "User",
            "true", "42");
    private static final Map<String, String> USER_WITH_STALE_MFA = caller("arn:aws:iam::123456789012:user/alice", "User",
            "true", "4000");
    /** arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/alice */
    private static final Map<String, String> SSO_SESSION = caller(SSO_ROLE, "AssumedRole", null, null);
    /** arn:aws:sts::123456789012:assumed-role/ci-deploy/pipeline-1234 */
    private static final Map<String, String> PIPELINE = caller("arn:aws:iam::123456789012:role/ci-deploy", "AssumedRole",
            null, null);
    private static final Map<String, String> KEY_ADMIN_WITHOUT_MFA = caller(KEY_ADMIN, "AssumedRole", "false", null);
    private static final Map<String, String> KEY_ADMIN_WITH_MFA = caller(KEY_ADMIN, "AssumedRole", "true", "60");
    private static final Map<String, String> ROOT_WITHOUT_MFA = caller("arn:aws:iam::123456789012:root", "Account",
            null, null);

    private static Outcome outcome(JsonObject policy, Map<String, String> caller, String action) {
        return KeyPolicyEvaluator.evaluate(policy, new Request(caller.get("aws:PrincipalArn"), action, caller));
    }

    @Test
    void theFourCallers_getWhatTheDocsPromise_forEveryGuardedAction() {
        for (String action : KeyPolicy.DESTRUCTIVE_ACTIONS) {
            assertThat(outcome(WITH_MFA, USER_WITHOUT_MFA, action)).as("IAM user without MFA, " + action).isEqualTo(DENIED);
            assertThat(outcome(WITH_MFA, USER_WITH_MFA, action)).as("IAM user with MFA, " + action).isEqualTo(LEFT_TO_IAM);
            assertThat(outcome(WITH_MFA, SSO_SESSION, action)).as("Identity Center session, " + action)
                    .isEqualTo(LEFT_TO_IAM);
            assertThat(outcome(WITH_MFA, PIPELINE, action)).as("pipeline role session, " + action).isEqualTo(LEFT_TO_IAM);
        }
    }

    @Test
    void mfaOlderThanFiveMinutes_isRefusedToAnIamUser_andTheRootNeedsMfaForTheGuardedActionsOnly() {
        assertThat(outcome(WITH_MFA, USER_WITH_STALE_MFA, "kms:PutKeyPolicy")).isEqualTo(DENIED);
        assertThat(outcome(WITH_MFA, ROOT_WITHOUT_MFA, "kms:ScheduleKeyDeletion")).isEqualTo(DENIED);
        assertThat(outcome(WITH_MFA, ROOT_WITHOUT_MFA, "kms:DescribeKey")).isEqualTo(ALLOWED);
        assertThat(outcome(WITH_MFA, ROOT_WITHOUT_MFA, "kms:CancelKeyDeletion")).isEqualTo(ALLOWED);
    }

    @Test
    void theKeyAdministratorRole_needsMfaToRepolicyTheKeyOrRepointTheAlias_butNotForTheRest() {
        for (String action : List.of("kms:PutKeyPolicy", "kms:UpdateAlias", "kms:ScheduleKeyDeletion")) {
            assertThat(outcome(WITH_MFA, KEY_ADMIN_WITHOUT_MFA, action)).as(action).isEqualTo(DENIED);
            assertThat(outcome(WITH_MFA, KEY_ADMIN_WITH_MFA, action)).as(action).isEqualTo(ALLOWED);
            assertThat(outcome(WITHOUT_MFA, KEY_ADMIN_WITHOUT_MFA, action)).as(action).isEqualTo(ALLOWED);
        }
        assertThat(outcome(WITH_MFA, KEY_ADMIN_WITHOUT_MFA, "kms:EnableKeyRotation")).isEqualTo(ALLOWED);
        assertThat(outcome(WITH_MFA, KEY_ADMIN_WITHOUT_MFA, "kms:Decrypt")).isEqualTo(LEFT_TO_IAM);
    }

    @Test
    void readersDecrypt_isUntouched_andStillBoundToTheTier() {
        Map<String, String> reader = caller(READER, "AssumedRole", null, null);
        reader.put("kms:EncryptionContext:messer:tier", "prod");
        reader.put("kms:EncryptionContext:team", "payments");
        assertThat(outcome(WITH_MFA, reader, "kms:Decrypt")).isEqualTo(ALLOWED);
        reader.put("kms:EncryptionContext:messer:tier", "dev");
        assertThat(outcome(WITH_MFA, reader, "kms:Decrypt")).isEqualTo(LEFT_TO_IAM);
    }

    @Test
    void withoutTheFlag_nothingIsDenied() {
        for (Map<String, String> caller : List.of(USER_WITHOUT_MFA, SSO_SESSION, PIPELINE, ROOT_WITHOUT_MFA)) {
            assertThat(outcome(WITHOUT_MFA, caller, "kms:PutKeyPolicy")).isNotEqualTo(DENIED);
        }
    }
}
