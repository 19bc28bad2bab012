package dev.messer.aws.policy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * The KMS key policy of a tier's master key. Every statement's {@code Sid} starts with
 * {@value #SID_PREFIX}, so that people can tell messer's statements from the account's; the
 * reviews ({@link KeyPolicyReview}) go by what a statement says, never by its Sid.
 *
 * <ul>
 *   <li>{@code MesserRootFullAccess}: the account root keeps {@code kms:*}, so the key can never
 *       become unmanageable (AWS's lock-out rule), and IAM policies of the account apply;</li>
 *   <li>{@code MesserKeyAdministration}: key management without cryptographic use;</li>
 *   <li>{@code MesserAdminsDescribeKey}, {@code MesserAdminsDataKeys}: messer admins create key
 *       versions ({@code GenerateDataKeyWithoutPlaintext}) and unwrap them;</li>
 *   <li>{@code MesserWritersUnwrap}, {@code MesserReadersUnwrap}: {@code kms:Decrypt};</li>
 *   <li>with MFA required, {@code MesserDenyDestructiveWithoutMfa} and
 *       {@code MesserDenyDestructiveWithStaleMfa} deny the {@link #DESTRUCTIVE_ACTIONS} (deleting,
 *       disabling, re-policying the key, deleting or re-pointing its alias) to IAM users and the
 *       account root without MFA, or whose MFA is older than 300 seconds; and, when key
 *       administrators are named, {@code MesserKeyAdminsDenyWithoutMfa} and
 *       {@code MesserKeyAdminsDenyWithStaleMfa} deny the same to their sessions. Other role sessions
 *       (pipelines, IAM Identity Center, whose sessions carry no MFA context) are left out: MFA for a
 *       person who assumes a role belongs in that role's trust policy.</li>
 * </ul>
 * The cryptographic grants carry the {@link ContextConditions} of the tier.
 */
public final class KeyPolicy {

    public static final String SID_PREFIX = "Messer";
    public static final String ROOT_SID = "MesserRootFullAccess";

    /** Key management, with no action that encrypts, decrypts or creates grants for others to. */
    public static final List<String> KEY_ADMIN_ACTIONS = List.of("kms:DescribeKey", "kms:GetKeyPolicy",
            "kms:PutKeyPolicy", "kms:GetKeyRotationStatus", "kms:EnableKeyRotation", "kms:DisableKeyRotation",
            "kms:RotateKeyOnDemand", "kms:ListResourceTags", "kms:TagResource", "kms:UntagResource", "kms:ListAliases",
            "kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias", "kms:UpdateKeyDescription", "kms:EnableKey",
            "kms:DisableKey", "kms:ListGrants", "kms:RevokeGrant", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion");
    public static final List<String> ADMIN_CRYPTO_ACTIONS = List.of("kms:GenerateDataKeyWithoutPlaintext",
            "kms:Decrypt");
    public static final List<String> UNWRAP_ACTIONS = List.of("kms:Decrypt");
    /**
     * Denied without recent MFA when MFA is required: each can end the key's use, or hand it to
     * someone else ({@code PutKeyPolicy} can grant {@code Decrypt}; {@code UpdateAlias} can point
     * the alias at another key).
     */
    public static final List<String> DESTRUCTIVE_ACTIONS = List.of("kms:ScheduleKeyDeletion", "kms:DisableKey",
            "kms:PutKeyPolicy", "kms:DeleteAlias", "kms:UpdateAlias");
    public static final int MAX_MFA_AGE_SECONDS = 300;
    /** The principal types of {@code aws:PrincipalType} with long-term credentials that can carry MFA: IAM users and the root. */
    public static final List<String> MFA_CAPABLE_TYPES = List.of("User", "Account");

    private KeyPolicy() {
    }

    /**
     * @param partition  {@code aws}, {@code aws-cn}, {@code aws-us-gov}
     * @param account    the key's account id
     * @param requireMfa deny the destructive operations without recent MFA
     */
    public static JsonObject of(String partition, String account, KeyPolicyRoles roles, ContextConditions context,
                                boolean requireMfa) {
        JsonArray statements = new JsonArray();
        statements.add(allow(ROOT_SID, List.of("arn:" + partition + ":iam::" + account + ":root"), List.of("kms:*"),
                null));
        if (!roles.keyAdmins().isEmpty()) {
            statements.add(allow("MesserKeyAdministration", roles.keyAdmins(), KEY_ADMIN_ACTIONS, null));
        }
        if (!roles.admins().isEmpty()) {
            statements.add(allow("MesserAdminsDescribeKey", roles.admins(), List.of("kms:DescribeKey"), null));
            statements.add(allow("MesserAdminsDataKeys", roles.admins(), ADMIN_CRYPTO_ACTIONS, contextCondition(context)));
        }
        if (!roles.writers().isEmpty()) {
            statements.add(allow("MesserWritersUnwrap", roles.writers(), UNWRAP_ACTIONS, contextCondition(context)));
        }
        if (!roles.readers().isEmpty()) {
            statements.add(allow("MesserReadersUnwrap", roles.readers(), UNWRAP_ACTIONS, contextCondition(context)));
        }
        if (requireMfa) {
            JsonObject longTermCallers = new JsonObject();
            longTermCallers.add("aws:PrincipalType", PolicyValues.array(MFA_CAPABLE_TYPES));
            statements.add(deny("MesserDenyDestructiveWithoutMfa", List.of("*"),
                    withTest(withoutMfa(), "StringEquals", longTermCallers)));
            statements.add(deny("MesserDenyDestructiveWithStaleMfa", List.of("*"),
                    withTest(staleMfa(), "StringEquals", longTermCallers)));
            if (!roles.keyAdmins().isEmpty()) {
                statements.add(deny("MesserKeyAdminsDenyWithoutMfa", roles.keyAdmins(), withoutMfa()));
                statements.add(deny("MesserKeyAdminsDenyWithStaleMfa", roles.keyAdmins(), staleMfa()));
            }
        }
        JsonObject policy = new JsonObject();
        policy.addProperty("Version", "2012-10-17");
        policy.addProperty("Id", "messer-key-policy");
        policy.add("Statement", statements);
        return policy;
    }

    private static JsonObject contextCondition(ContextConditions context) {
        if (context.isEmpty()) {
            return null;
        }
        JsonObject condition = new JsonObject();
        context.addTo(condition);
        return condition;
    }

    private static JsonObject allow(String sid, List<String> principals, List<String> actions, JsonObject condition) {
        JsonObject principal = new JsonObject();
        principal.add("AWS", PolicyValues.array(principals));
        return statement(sid, "Allow", principal, actions, condition);
    }

    /**
     * {@code BoolIfExists}: a request whose credentials carry no MFA keys at all (long-term access
     * keys) counts as without MFA, as the IAM User Guide recommends for denies.
     */
    private static JsonObject withoutMfa() {
        return PolicyValues.condition("BoolIfExists", "aws:MultiFactorAuthPresent", "false");
    }

    private static JsonObject staleMfa() {
        return PolicyValues.condition("NumericGreaterThanIfExists", "aws:MultiFactorAuthAge", String.valueOf(MAX_MFA_AGE_SECONDS));
    }

    private static JsonObject withTest(JsonObject condition, String operator, JsonObject test) {
        condition.add(operator, test);
        return condition;
    }

    private static JsonObject deny(String sid, List<String> principals, JsonObject condition) {
        JsonObject principal = new JsonObject();
        if (principals.equals(List.of("*"))) {
            principal.addProperty("AWS", "*");
        } else {
            principal.add("AWS", PolicyValues.array(principals));
        }
        return statement(sid, "Deny", principal, DESTRUCTIVE_ACTIONS, condition);
    }

    private static JsonObject statement(String sid, String effect, JsonObject principal, List<String> actions,
                                        JsonObject condition) {
        JsonObject statement = new JsonObject();
        statement.addProperty("Sid", sid);
        statement.addProperty("Effect", effect);
        statement.add("Principal", principal);
        statement.add("Action", PolicyValues.array(actions));
        statement.addProperty("Resource", "*");
        if (condition != null) {
            statement.add("Condition", condition);
        }
        return statement;
    }
}
