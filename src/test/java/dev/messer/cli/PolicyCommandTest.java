package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code messer policy aws --role ...}: the printed JSON, parsed and checked statement by statement. */
class PolicyCommandTest {

    @TempDir
    Path home;

    CliSandbox sandbox;
    Path ini;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = new CliSandbox(home);
        ini = Files.writeString(home.resolve("team.ini"), """
                [profile dev]
                provider = aws
                tier = dev
                secrets_folder = secrets
                master_key = acme-messer-dev
                region = eu-west-1
                secrets_bucket = acme-secrets
                keys_bucket = acme-keys-dev
                role_arn = arn:aws:iam::123456789012:role/messer-admin

                [profile sse]
                provider = aws
                tier = prod
                master_key = acme-messer-prod
                region = us-east-1
                secrets_bucket = acme-secrets-prod
                keys_bucket = acme-keys-prod
                sse_kms_key_id = alias/acme-s3
                account_id = 210987654321

                [profile china]
                provider = aws
                tier = prod
                master_key = acme-messer-prod
                region = cn-north-1
                secrets_bucket = acme-secrets-cn
                keys_bucket = acme-keys-cn
                encryption_context = team=payments
                account_id = 210987654321

                [profile strict]
                provider = aws
                tier = prod
                master_key = acme-messer-prod
                region = us-east-1
                secrets_bucket = acme-secrets-prod
                keys_bucket = acme-keys-prod
                encryption_context = team=payments
                account_id = 210987654321
                min_item_format = 2
                """);
    }

    private JsonObject policy(String profile, String role, String... extra) {
        return JsonParser.parseString(run(profile, "--role", role, extra).out()).getAsJsonObject();
    }

    private CliRun run(String profile, String first, String second, String... extra) {
        List<String> args = new ArrayList<>(List.of("policy", "aws", first, second, "-c", ini.toString(),
                "--profile", profile));
        args.addAll(List.of(extra));
        CliRun result = sandbox.run(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.toString()).isZero();
        return result;
    }

    private JsonObject keyPolicy(String profile, String... extra) {
        List<String> args = new ArrayList<>(List.of("policy", "aws", "--key-policy", "-c", ini.toString(),
                "--profile", profile));
        args.addAll(List.of(extra));
        CliRun result = sandbox.run(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.toString()).isZero();
        return JsonParser.parseString(result.out()).getAsJsonObject();
    }

    private CliRun usage(String... args) {
        List<String> all = new ArrayList<>(List.of("policy", "aws"));
        all.addAll(List.of(args));
        all.addAll(List.of("-c", ini.toString(), "--profile", "dev"));
        CliRun result = sandbox.run(all.toArray(String[]::new));
        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        return result;
    }

    private static JsonObject statement(JsonObject policy, String sid) {
        for (JsonElement element : policy.getAsJsonArray("Statement")) {
            if (element.getAsJsonObject().get("Sid").getAsString().equals(sid)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no statement " + sid + " in " + policy);
    }

    private static List<String> strings(JsonObject statement, String field) {
        JsonArray array = statement.getAsJsonArray(field);
        return StreamSupport.stream(array.spliterator(), false).map(JsonElement::getAsString).collect(Collectors.toList());
    }

    private static List<String> allActions(JsonObject policy, String effect) {
        List<String> actions = new ArrayList<>();
        for (JsonElement element : policy.getAsJsonArray("Statement")) {
            JsonObject statement = element.getAsJsonObject();
            if (statement.get("Effect").getAsString().equals(effect)) {
                actions.addAll(strings(statement, "Action"));
            }
        }
        return actions;
    }

    @Test
    void reader_mayOnlyGetTierItemsAndKeys_andDecryptWithTheAliasedKey() {
        JsonObject policy = policy("dev", "reader");
        assertThat(policy.get("Version").getAsString()).isEqualTo("2012-10-17");
        assertThat(allActions(policy, "Allow")).doesNotContain("s3:PutObject", "s3:DeleteObject",
                "kms:GenerateDataKeyWithoutPlaintext").doesNotContain("s3:*", "kms:*");
        JsonObject tier = statement(policy, "TierObjects");
        assertThat(strings(tier, "Action")).containsExactly("s3:GetObject", "s3:GetObjectVersion");
        assertThat(strings(tier, "Resource")).containsExactly("arn:aws:s3:::acme-secrets/dev/secrets/*");
        assertThat(strings(statement(policy, "KeysBucketObjects"), "Resource")).containsExactly("arn:aws:s3:::acme-keys-dev/*");
        JsonObject key = statement(policy, "MasterKey");
        assertThat(strings(key, "Action")).containsExactly("kms:Decrypt");
        assertThat(strings(key, "Resource")).containsExactly("arn:aws:kms:eu-west-1:123456789012:key/*");
        assertThat(key.getAsJsonObject("Condition").getAsJsonObject("ForAnyValue:StringEquals")
                .getAsJsonArray("kms:ResourceAliases").get(0).getAsString()).isEqualTo("alias/acme-messer-dev");
    }

    @Test
    void history_readersListAndReadVersions_onlyTheAdminMayPurgeThem() {
        for (String role : new String[] {"reader", "writer", "admin"}) {
            assertThat(strings(statement(policy("dev", role), "TierList"), "Action"))
                    .containsExactly("s3:ListBucket", "s3:ListBucketVersions");
            assertThat(strings(statement(policy("dev", role), "TierObjects"), "Action")).contains("s3:GetObjectVersion");
        }
        assertThat(allActions(policy("dev", "reader"), "Allow")).doesNotContain("s3:DeleteObjectVersion");
        assertThat(allActions(policy("dev", "writer"), "Allow")).doesNotContain("s3:DeleteObjectVersion");
        assertThat(strings(statement(policy("dev", "admin"), "TierObjects"), "Action")).contains("s3:DeleteObjectVersion");
    }

    @Test
    void listing_isLimitedToTheTierPrefix() {
        JsonObject list = statement(policy("dev", "reader"), "TierList");
        assertThat(strings(list, "Resource")).containsExactly("arn:aws:s3:::acme-secrets");
        assertThat(list.getAsJsonObject("Condition").getAsJsonObject("StringLike").getAsJsonArray("s3:prefix").toString())
                .isEqualTo("[\"dev/secrets/\",\"dev/secrets/*\"]");
    }

    @Test
    void writer_mayWriteTierItems_butNotKeys() {
        JsonObject policy = policy("dev", "writer");
        assertThat(strings(statement(policy, "TierObjects"), "Action"))
                .containsExactly("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:DeleteObject");
        assertThat(strings(statement(policy, "KeysBucketObjects"), "Action")).containsExactly("s3:GetObject");
        assertThat(strings(statement(policy, "MasterKey"), "Action")).containsExactly("kms:Decrypt");
    }

    @Test
    void admin_mayCreateKeys_andGenerateDataKeysWithTheMasterKey() {
        JsonObject policy = policy("dev", "admin");
        assertThat(strings(statement(policy, "KeysBucketObjects"), "Action"))
                .containsExactly("s3:GetObject", "s3:PutObject", "s3:DeleteObject");
        assertThat(strings(statement(policy, "MasterKey"), "Action"))
                .contains("kms:GenerateDataKeyWithoutPlaintext", "kms:Decrypt");
    }

    @Test
    void everyRole_deniesRequestsWithoutTls() {
        for (String role : List.of("admin", "writer", "reader")) {
            JsonObject deny = statement(policy("dev", role), "TlsOnly");
            assertThat(deny.get("Effect").getAsString()).isEqualTo("Deny");
            assertThat(deny.getAsJsonObject("Condition").getAsJsonObject("Bool").getAsJsonArray("aws:SecureTransport")
                    .get(0).getAsString()).isEqualTo("false");
        }
    }

    @Test
    void keyArn_namesTheKeyInsteadOfTheAliasCondition() {
        String arn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        JsonObject key = statement(policy("dev", "reader", "--key-arn", arn), "MasterKey");
        assertThat(strings(key, "Resource")).containsExactly(arn);
        assertThat(key.getAsJsonObject("Condition").keySet()).as("no alias condition, only the tier's context")
                .containsExactly("StringEqualsIfExists");
    }

    @Test
    void bucketEncryptionKey_isGrantedThroughS3Only() {
        JsonObject policy = policy("sse", "writer");
        JsonObject sse = statement(policy, "BucketEncryptionKey");
        assertThat(strings(sse, "Action")).containsExactly("kms:GenerateDataKey", "kms:Decrypt");
        JsonObject condition = sse.getAsJsonObject("Condition");
        assertThat(condition.getAsJsonObject("StringEquals").getAsJsonArray("kms:ViaService").get(0).getAsString())
                .isEqualTo("s3.us-east-1.amazonaws.com");
        assertThat(condition.getAsJsonObject("ForAnyValue:StringEquals").getAsJsonArray("kms:ResourceAliases")
                .get(0).getAsString()).isEqualTo("alias/acme-s3");
        assertThat(strings(statement(policy, "MasterKey"), "Resource"))
                .containsExactly("arn:aws:kms:us-east-1:210987654321:key/*");
        assertThat(strings(statement(policy("dev", "writer"), "TierObjects"), "Action")).isNotEmpty();
        assertThat(policy("dev", "writer").getAsJsonArray("Statement").toString()).doesNotContain("BucketEncryptionKey");
    }

    @Test
    void unknownRole_orLocalProvider_isUsageError() {
        CliRun role = sandbox.run("policy", "aws", "--role", "root", "-c", ini.toString(), "--profile", "dev");
        assertThat(role.exit()).isEqualTo(2);
        assertThat(role.err()).contains("'root'");
        CliRun local = sandbox.run("policy", "local", "--role", "reader", "-c", ini.toString());
        assertThat(local.exit()).isEqualTo(2);
        assertThat(local.err()).contains("'messer policy' applies to aws only");
    }

    @Test
    void missingBucket_isConfigErrorNamingTheSetting() throws IOException {
        Files.writeString(ini, "[profile bare]\nprovider = aws\nmaster_key = k\nkeys_bucket = kb\n");
        CliRun result = sandbox.run("policy", "aws", "--role", "reader", "-c", ini.toString(),
                "--profile", "bare");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("secrets_bucket");
    }

    @Test
    void masterKeyGrants_areScopedToTheTier_inTheIfExistsForm_withANoteOnStderr() {
        CliRun result = run("china", "--role", "reader");
        JsonObject key = statement(JsonParser.parseString(result.out()).getAsJsonObject(), "MasterKey");
        JsonObject test = key.getAsJsonObject("Condition").getAsJsonObject("StringEqualsIfExists");
        assertThat(test.getAsJsonArray("kms:EncryptionContext:messer:tier").get(0).getAsString()).isEqualTo("prod");
        assertThat(test.getAsJsonArray("kms:EncryptionContext:team").get(0).getAsString()).isEqualTo("payments");
        assertThat(key.getAsJsonObject("Condition").has("ForAnyValue:StringEquals")).isTrue();
        assertThat(result.err()).contains("StringEqualsIfExists").contains("min_item_format = 1");
    }

    @Test
    void masterKeyGrants_withMinItemFormat2_requireTheContext_withoutTheIfExistsForm() {
        CliRun result = run("strict", "--role", "reader");
        JsonObject key = statement(JsonParser.parseString(result.out()).getAsJsonObject(), "MasterKey");
        JsonObject condition = key.getAsJsonObject("Condition");
        assertThat(condition.has("StringEqualsIfExists")).isFalse();
        JsonObject test = condition.getAsJsonObject("StringEquals");
        assertThat(test.getAsJsonArray("kms:EncryptionContext:messer:tier").get(0).getAsString()).isEqualTo("prod");
        assertThat(test.getAsJsonArray("kms:EncryptionContext:team").get(0).getAsString()).isEqualTo("payments");
        assertThat(result.err()).doesNotContain("IfExists");
    }

    @Test
    void admin_describesTheKeyWithoutAContextCondition() {
        JsonObject describe = statement(policy("dev", "admin"), "MasterKeyDescribe");
        assertThat(strings(describe, "Action")).containsExactly("kms:DescribeKey");
        assertThat(describe.getAsJsonObject("Condition").keySet()).containsExactly("ForAnyValue:StringEquals");
        assertThat(strings(statement(policy("dev", "admin"), "MasterKey"), "Action"))
                .containsExactly("kms:GenerateDataKeyWithoutPlaintext", "kms:Decrypt");
    }

    @Test
    void arns_followTheRegionsPartition_andNameTheAccount() {
        JsonObject policy = policy("china", "writer");
        assertThat(strings(statement(policy, "MasterKey"), "Resource"))
                .containsExactly("arn:aws-cn:kms:cn-north-1:210987654321:key/*");
        assertThat(strings(statement(policy, "TierObjects"), "Resource"))
                .containsExactly("arn:aws-cn:s3:::acme-secrets-cn/prod/*");
    }

    @Test
    void accountFlag_winsOverTheSetting_andMustBeTwelveDigits() {
        assertThat(strings(statement(policy("sse", "reader", "--account", "111122223333"), "MasterKey"), "Resource"))
                .containsExactly("arn:aws:kms:us-east-1:111122223333:key/*");
        assertThat(usage("--role", "reader", "--account", "12345").err()).contains("--account '12345'");
    }

    @Test
    void keyPolicy_namesTheRolesGiven_andKeepsTheRootsFullAccess() {
        JsonObject policy = keyPolicy("dev", "--reader-role", "arn:aws:iam::123456789012:role/r1", "--reader-role",
                "arn:aws:iam::123456789012:role/r2", "--key-admin-role", "arn:aws:iam::123456789012:role/ka",
                "--require-mfa");
        JsonObject root = statement(policy, "MesserRootFullAccess");
        assertThat(root.getAsJsonObject("Principal").getAsJsonArray("AWS").get(0).getAsString())
                .isEqualTo("arn:aws:iam::123456789012:root");
        JsonObject readers = statement(policy, "MesserReadersUnwrap");
        assertThat(readers.getAsJsonObject("Principal").getAsJsonArray("AWS").toString())
                .isEqualTo("[\"arn:aws:iam::123456789012:role/r1\",\"arn:aws:iam::123456789012:role/r2\"]");
        assertThat(readers.getAsJsonObject("Condition").getAsJsonObject("StringEqualsIfExists")
                .getAsJsonArray("kms:EncryptionContext:messer:tier").get(0).getAsString()).isEqualTo("dev");
        assertThat(statement(policy, "MesserDenyDestructiveWithoutMfa").get("Effect").getAsString()).isEqualTo("Deny");
        assertThat(policy.toString()).doesNotContain("MesserWritersUnwrap");
    }

    @Test
    void roleAndKeyPolicy_areExclusive_andRoleFlagsNeedKeyPolicy() {
        assertThat(usage("--key-policy", "--role", "reader").err()).contains("either --role");
        assertThat(usage("--key-arn", "arn:aws:kms:eu-west-1:123456789012:key/x").err()).contains("missing option --role");
        assertThat(usage("--role", "reader", "--reader-role", "arn:aws:iam::123456789012:role/r").err())
                .contains("are for --key-policy");
        assertThat(usage("--key-policy", "--reader-role", "messer-reader").err()).contains("'messer-reader' is not an ARN");
    }

    @Test
    void wildcardsInTierOrSecretsFolder_neverReachAPolicy() {
        for (String variable : List.of("MESSER_TIER", "MESSER_SECRETS_FOLDER")) {
            for (String value : List.of("*", "?", "dev/*", "../prod", "/")) {
                sandbox.env.put(variable, value);
                for (String[] args : List.of(new String[] {"--role", "reader"}, new String[] {"--key-policy"})) {
                    List<String> all = new ArrayList<>(List.of("policy", "aws"));
                    all.addAll(List.of(args));
                    all.addAll(List.of("-c", ini.toString(), "--profile", "dev"));
                    CliRun result = sandbox.run(all.toArray(String[]::new));
                    assertThat(result.exit()).as(variable + "=" + value + " " + result).isEqualTo(2);
                    assertThat(result.out()).isEmpty();
                    assertThat(result.err()).contains("(from " + variable + ")").hasLineCount(1);
                }
            }
            sandbox.env.remove(variable);
        }
    }
}
