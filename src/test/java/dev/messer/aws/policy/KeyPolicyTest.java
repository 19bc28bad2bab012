package dev.messer.aws.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.messer.crypto.EncryptionContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The KMS key policy JSON, statement by statement: moto enforces none of it, so these tests carry the proof. */
class KeyPolicyTest {

    private static final String ACCOUNT = "123456789012";
    private static final String ROOT = "arn:aws:iam::123456789012:root";
    private static final String KEY_ADMIN = "arn:aws:iam::123456789012:role/kms-admin";
    private static final String ADMIN = "arn:aws:iam::123456789012:role/messer-admin";
    private static final String WRITER = "arn:aws:iam::123456789012:role/messer-writer";
    private static final String READER = "arn:aws:iam::123456789012:role/messer-reader";
    private static final String READER2 = "arn:aws:iam::123456789012:role/ci-reader";
    private static final KeyPolicyRoles ALL = new KeyPolicyRoles(List.of(KEY_ADMIN), List.of(ADMIN), List.of(WRITER),
            List.of(READER, READER2));
    private static final ContextConditions PROD_PAYMENTS = ContextConditions.of("prod",
            EncryptionContext.parse("team=payments"), true);

    static JsonObject statement(JsonObject policy, String sid) {
        for (JsonElement element : policy.getAsJsonArray("Statement")) {
            if (element.getAsJsonObject().get("Sid").getAsString().equals(sid)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no statement " + sid + " in " + policy);
    }

    static List<String> strings(JsonElement element) {
        List<String> values = new ArrayList<>();
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> values.add(e.getAsString()));
        } else {
            values.add(element.getAsString());
        }
        return values;
    }

    private static List<String> sids(JsonObject policy) {
        List<String> sids = new ArrayList<>();
        policy.getAsJsonArray("Statement").forEach(e -> sids.add(e.getAsJsonObject().get("Sid").getAsString()));
        return sids;
    }

    @Test
    void lockOutRule_theAccountRootKeepsFullAccess_unconditionally_whateverTheRoles() {
        for (KeyPolicyRoles roles : List.of(ALL, new KeyPolicyRoles(List.of(), List.of(), List.of(), List.of()))) {
            for (boolean mfa : List.of(false, true)) {
                JsonObject policy = KeyPolicy.of("aws", ACCOUNT, roles, PROD_PAYMENTS, mfa);
                JsonObject root = statement(policy, "MesserRootFullAccess");
                assertThat(root.get("Effect").getAsString()).isEqualTo("Allow");
                assertThat(strings(root.getAsJsonObject("Principal").get("AWS"))).containsExactly(ROOT);
                assertThat(strings(root.get("Action"))).containsExactly("kms:*");
                assertThat(root.get("Resource").getAsString()).isEqualTo("*");
                assertThat(root.has("Condition")).isFalse();
                for (JsonElement element : policy.getAsJsonArray("Statement")) {
                    JsonObject s = element.getAsJsonObject();
                    if (s.get("Effect").getAsString().equals("Deny")) {
                        assertThat(s.has("Condition")).as("an unconditional deny could lock the root out: " + s).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void everySid_startsWithMesser() {
        assertThat(sids(KeyPolicy.of("aws", ACCOUNT, ALL, PROD_PAYMENTS, true))).allMatch(s -> s.startsWith("Messer"))
                .containsExactly("MesserRootFullAccess", "MesserKeyAdministration", "MesserAdminsDescribeKey",
                        "MesserAdminsDataKeys", "MesserWritersUnwrap", "MesserReadersUnwrap",
                        "MesserDenyDestructiveWithoutMfa", "MesserDenyDestructiveWithStaleMfa",
                        "MesserKeyAdminsDenyWithoutMfa", "MesserKeyAdminsDenyWithStaleMfa");
    }

    @Test
    void keyAdministrators_manageTheKey_butCannotUseItCryptographically_norGrantItsUse() {
        JsonObject admin = statement(KeyPolicy.of("aws", ACCOUNT, ALL, PROD_PAYMENTS, false), "MesserKeyAdministration");
        assertThat(strings(admin.getAsJsonObject("Principal").get("AWS"))).containsExactly(KEY_ADMIN);
        assertThat(strings(admin.get("Action"))).contains("kms:PutKeyPolicy", "kms:EnableKeyRotation",
                "kms:TagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:DescribeKey")
                .noneMatch(a -> a.contains("crypt") || a.contains("GenerateDataKey") || a.contains("ReEncrypt")
                        || a.contains("CreateGrant") || a.contains("*") || a.contains("Sign") || a.contains("Mac"));
    }

    @Test
    void grantsFollowWhatMesserCalls_perRole_conditionedOnTheTierAndPairs() {
        JsonObject policy = KeyPolicy.of("aws", ACCOUNT, ALL, PROD_PAYMENTS, false);
        JsonObject admins = statement(policy, "MesserAdminsDataKeys");
        assertThat(strings(admins.get("Action"))).containsExactly("kms:GenerateDataKeyWithoutPlaintext", "kms:Decrypt");
        assertThat(strings(statement(policy, "MesserAdminsDescribeKey").get("Action"))).containsExactly("kms:DescribeKey");
        assertThat(statement(policy, "MesserAdminsDescribeKey").has("Condition")).isFalse();
        JsonObject writers = statement(policy, "MesserWritersUnwrap");
        assertThat(strings(writers.get("Action"))).containsExactly("kms:Decrypt");
        assertThat(strings(writers.getAsJsonObject("Principal").get("AWS"))).containsExactly(WRITER);
        JsonObject readers = statement(policy, "MesserReadersUnwrap");
        assertThat(strings(readers.get("Action"))).containsExactly("kms:Decrypt");
        assertThat(strings(readers.getAsJsonObject("Principal").get("AWS"))).containsExactly(READER, READER2);
        for (JsonObject grant : List.of(admins, writers, readers)) {
            JsonObject test = grant.getAsJsonObject("Condition").getAsJsonObject("StringEqualsIfExists");
            assertThat(strings(test.get("kms:EncryptionContext:messer:tier"))).containsExactly("prod");
            assertThat(strings(test.get("kms:EncryptionContext:team"))).containsExactly("payments");
            assertThat(grant.getAsJsonObject("Condition").keySet()).containsExactly("StringEqualsIfExists");
        }
    }

    @Test
    void onceContextLessVersionsAreNoLongerRead_theConditionsAreStrict() {
        ContextConditions strict = ContextConditions.of("prod", EncryptionContext.empty(), false);
        JsonObject readers = statement(KeyPolicy.of("aws", ACCOUNT, ALL, strict, false), "MesserReadersUnwrap");
        assertThat(readers.getAsJsonObject("Condition").keySet()).containsExactly("StringEquals");
        assertThat(strings(readers.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                .get("kms:EncryptionContext:messer:tier"))).containsExactly("prod");
    }

    @Test
    void withoutATierOrPairs_theGrantsHaveNoCondition() {
        JsonObject policy = KeyPolicy.of("aws", ACCOUNT, ALL, ContextConditions.of("", EncryptionContext.empty(), true),
                false);
        assertThat(statement(policy, "MesserReadersUnwrap").has("Condition")).isFalse();
    }

    @Test
    void requireMfa_deniesTheDestructiveOperations_toIamUsersAndTheRoot_andToTheKeyAdmins_withoutRecentMfa() {
        JsonObject policy = KeyPolicy.of("aws", ACCOUNT, ALL, PROD_PAYMENTS, true);
        JsonObject without = statement(policy, "MesserDenyDestructiveWithoutMfa");
        JsonObject stale = statement(policy, "MesserDenyDestructiveWithStaleMfa");
        JsonObject adminsWithout = statement(policy, "MesserKeyAdminsDenyWithoutMfa");
        JsonObject adminsStale = statement(policy, "MesserKeyAdminsDenyWithStaleMfa");
        for (JsonObject deny : List.of(without, stale, adminsWithout, adminsStale)) {
            assertThat(deny.get("Effect").getAsString()).isEqualTo("Deny");
            assertThat(strings(deny.get("Action"))).containsExactlyInAnyOrder("kms:ScheduleKeyDeletion",
                    "kms:DisableKey", "kms:PutKeyPolicy", "kms:DeleteAlias", "kms:UpdateAlias");
        }
        for (JsonObject deny : List.of(without, stale)) {
            assertThat(deny.getAsJsonObject("Principal").get("AWS").getAsString()).isEqualTo("*");
            assertThat(strings(deny.getAsJsonObject("Condition").getAsJsonObject("StringEquals")
                    .get("aws:PrincipalType"))).containsExactly("User", "Account");
        }
        for (JsonObject deny : List.of(adminsWithout, adminsStale)) {
            assertThat(strings(deny.getAsJsonObject("Principal").get("AWS"))).containsExactly(KEY_ADMIN);
            assertThat(deny.getAsJsonObject("Condition").keySet()).hasSize(1);
        }
        for (JsonObject deny : List.of(without, adminsWithout)) {
            assertThat(deny.getAsJsonObject("Condition").getAsJsonObject("BoolIfExists")
                    .get("aws:MultiFactorAuthPresent").getAsString()).isEqualTo("false");
        }
        for (JsonObject deny : List.of(stale, adminsStale)) {
            assertThat(deny.getAsJsonObject("Condition").getAsJsonObject("NumericGreaterThanIfExists")
                    .get("aws:MultiFactorAuthAge").getAsString()).isEqualTo("300");
        }
        assertThat(sids(KeyPolicy.of("aws", ACCOUNT, ALL, PROD_PAYMENTS, false))).noneMatch(s -> s.contains("Mfa"));
        assertThat(sids(KeyPolicy.of("aws", ACCOUNT, new KeyPolicyRoles(List.of(), List.of(ADMIN), List.of(),
                List.of()), PROD_PAYMENTS, true))).noneMatch(s -> s.contains("KeyAdmins"));
    }

    @Test
    void withoutRoles_onlyTheRootIsNamed() {
        JsonObject policy = KeyPolicy.of("aws", ACCOUNT, new KeyPolicyRoles(List.of(), List.of(), List.of(), List.of()),
                PROD_PAYMENTS, false);
        assertThat(sids(policy)).containsExactly("MesserRootFullAccess");
    }

    @Test
    void theRootArn_followsThePartition() {
        JsonObject root = statement(KeyPolicy.of("aws-cn", ACCOUNT, ALL, PROD_PAYMENTS, false), "MesserRootFullAccess");
        assertThat(strings(root.getAsJsonObject("Principal").get("AWS"))).containsExactly("arn:aws-cn:iam::123456789012:root");
    }
}
