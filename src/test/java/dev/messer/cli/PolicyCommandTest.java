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

    LocalCliSandbox sandbox;
    Path ini;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = new LocalCliSandbox(home);
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
                """);
    }

    private JsonObject policy(String profile, String role, String... extra) {
        List<String> args = new ArrayList<>(List.of("policy", "aws", "--role", role, "-c", ini.toString(),
                "--profile", profile));
        args.addAll(List.of(extra));
        CliRun result = sandbox.run(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.toString()).isZero();
        return JsonParser.parseString(result.out()).getAsJsonObject();
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
        assertThat(key.has("Condition")).isFalse();
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
        assertThat(strings(statement(policy, "MasterKey"), "Resource")).containsExactly("arn:aws:kms:us-east-1:*:key/*");
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
        assertThat(local.err()).contains("aws provider");
    }

    @Test
    void missingBucket_isConfigErrorNamingTheSetting() throws IOException {
        Files.writeString(ini, "[profile bare]\nprovider = aws\nmaster_key = k\nkeys_bucket = kb\n");
        CliRun result = sandbox.run("policy", "aws", "--role", "reader", "-c", ini.toString(),
                "--profile", "bare");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("secrets_bucket");
    }
}
