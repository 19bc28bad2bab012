package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.cli.CliRun;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.Tag;

/** {@code messer setup aws} on the KMS side, against moto: create, check, fix and apply a key policy. */
@MotoTest
class MasterKeySetupIT {

    private static final String READER = "arn:aws:iam::123456789012:role/messer-reader";

    @TempDir
    Path dir;
    private AwsFixture aws;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
    }

    private CliRun run(Path ini, String... command) {
        List<String> args = new java.util.ArrayList<>(List.of(command));
        args.addAll(List.of("-c", ini.toString(), "--profile", "aws"));
        return aws.run(args.toArray(String[]::new));
    }

    private KeyMetadata key(String alias) {
        return aws.kms().describeKey(r -> r.keyId("alias/" + alias)).keyMetadata();
    }

    private Map<String, String> tags(String keyId) {
        return aws.kms().listResourceTags(r -> r.keyId(keyId)).tags().stream()
                .collect(Collectors.toMap(Tag::tagKey, Tag::tagValue));
    }

    private boolean rotation(String keyId) {
        return aws.kms().getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled();
    }

    private String keyPolicy(String keyId) {
        return aws.kms().getKeyPolicy(r -> r.keyId(keyId).policyName("default")).policy();
    }

    @Test
    void createKey_onAnEmptyAccount_givesAnEnabledSymmetricRotatingTaggedKey_andASecondRunChangesNothing() {
        String alias = "messer-new-" + UUID.randomUUID().toString().substring(0, 8);
        Path ini = aws.writeIni(Map.of("master_key", alias));

        CliRun first = run(ini, "setup", "aws", "--create-key", "--tag", "team=payments");

        assertThat(first.exit()).as(first.toString()).isZero();
        KeyMetadata key = key(alias);
        assertThat(first.out()).contains("master key: created alias/" + alias + " -> key " + key.keyId());
        assertThat(key.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(key.keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
        assertThat(key.keyUsage()).isEqualTo(KeyUsageType.ENCRYPT_DECRYPT);
        assertThat(key.description()).contains("messer").contains("tier dev");
        assertThat(rotation(key.keyId())).isTrue();
        assertThat(tags(key.keyId())).containsEntry("messer:tier", "dev").doesNotContainKey("messer:profile")
                .containsEntry("team", "payments");
        JsonObject policy = JsonParser.parseString(keyPolicy(key.keyId())).getAsJsonObject();
        assertThat(policy.toString()).contains("MesserRootFullAccess").contains("arn:aws:iam::123456789012:root")
                .contains("MesserKeyAdministration");
        int keys = aws.kms().listKeys().keys().size();

        CliRun second = run(ini, "setup", "aws", "--create-key", "--tag", "team=payments");

        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(second.out()).contains("master key: alias/" + alias + " -> key " + key.keyId())
                .contains("master key rotation: on").contains("master key tags: messer:tier=dev, "
                        + "team=payments").contains("master key key policy: no broad grants");
        assertThat(aws.kms().listKeys().keys()).hasSize(keys);
        assertThat(JsonParser.parseString(keyPolicy(key.keyId()))).isEqualTo(policy);
    }

    @Test
    void existingKey_withRotationOffAndNoTags_isReportedItemByItem_andFixRepairsBoth() {
        Path ini = aws.writeIni();

        CliRun check = run(ini, "setup", "aws");

        assertThat(check.exit()).as(check.toString()).isEqualTo(1);
        assertThat(check.out()).contains("master key rotation: automatic key rotation is off")
                .contains("master key tags: missing or different: messer:tier=dev");
        assertThat(check.err()).contains("has 2 problem(s)").contains("messer setup aws --fix");
        assertThat(rotation(aws.kmsKeyId())).isFalse();

        CliRun fix = run(ini, "setup", "aws", "--fix");

        assertThat(fix.exit()).as(fix.toString()).isZero();
        assertThat(fix.out()).contains("master key rotation: automatic key rotation enabled")
                .contains("master key tags: set messer:tier=dev");
        assertThat(rotation(aws.kmsKeyId())).isTrue();
        assertThat(tags(aws.kmsKeyId())).containsEntry("messer:tier", "dev").doesNotContainKey("messer:profile");
        assertThat(run(ini, "setup", "aws").exit()).isZero();
    }

    @Test
    void adminAndReaderProfilesOfOneTier_shareTheKey_andBothAreGreen_afterEitherFixes() throws Exception {
        Path ini = aws.writeIni();
        String admin = java.nio.file.Files.readString(ini);
        java.nio.file.Files.writeString(ini, admin + "\n" + admin.replace("[profile aws]", "[profile reader]"));

        CliRun fixedByAdmin = run(ini, "setup", "aws", "--fix");
        assertThat(fixedByAdmin.exit()).as(fixedByAdmin.toString()).isZero();
        for (String profile : List.of("reader", "aws", "reader")) {
            CliRun setup = aws.run("setup", "aws", "-c", ini.toString(), "--profile", profile);
            assertThat(setup.exit()).as(profile + ": " + setup).isZero();
            assertThat(setup.out()).as(profile).contains("master key tags: messer:tier=dev");
            CliRun doctor = aws.run("doctor", "aws", "-c", ini.toString(), "--profile", profile);
            assertThat(doctor.out()).as(profile + ": " + doctor).contains("[ok]   key tags")
                    .doesNotContain("messer:profile");
        }
        assertThat(tags(aws.kmsKeyId())).containsOnlyKeys("messer:tier");
    }

    @Test
    void fix_addsMissingMesserStatements_andNeverTouchesTheAccountsOwn() {
        Path ini = aws.writeIni();
        String own = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Enable IAM User Permissions\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"kms:*\","
                + "\"Resource\":\"*\"},{\"Sid\":\"TheirAuditors\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::123456789012:role/audit\"},\"Action\":\"kms:DescribeKey\",\"Resource\":\"*\"}]}";
        aws.kms().putKeyPolicy(r -> r.keyId(aws.kmsKeyId()).policyName("default").policy(own));

        CliRun check = run(ini, "setup", "aws", "--reader-role", READER, "--account", "123456789012");
        assertThat(check.out()).as("the account's own root statement already gives what MesserRootFullAccess gives")
                .contains("master key key policy: lacks MesserReadersUnwrap");

        CliRun fix = run(ini, "setup", "aws", "--fix", "--reader-role", READER, "--account", "123456789012");

        assertThat(fix.exit()).as(fix.toString()).isZero();
        assertThat(fix.out()).contains("master key key policy: added MesserReadersUnwrap");
        JsonObject after = JsonParser.parseString(keyPolicy(aws.kmsKeyId())).getAsJsonObject();
        JsonObject before = JsonParser.parseString(own).getAsJsonObject();
        assertThat(after.getAsJsonArray("Statement").get(0)).isEqualTo(before.getAsJsonArray("Statement").get(0));
        assertThat(after.getAsJsonArray("Statement").get(1)).isEqualTo(before.getAsJsonArray("Statement").get(1));
        assertThat(after.getAsJsonArray("Statement")).hasSize(3);
        assertThat(after.toString()).contains("kms:EncryptionContext:messer:tier");
    }

    @Test
    void broadGrant_isReported_andLeftForAHuman() {
        Path ini = aws.writeIni();
        run(ini, "setup", "aws", "--fix");
        String planted = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Planted\",\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}]}";
        aws.kms().putKeyPolicy(r -> r.keyId(aws.kmsKeyId()).policyName("default").policy(planted));

        CliRun fix = run(ini, "setup", "aws", "--fix");

        assertThat(fix.exit()).isEqualTo(1);
        assertThat(fix.out()).contains("statement Planted allows kms:Decrypt to Principal \"*\" without a condition that "
                + "pins the caller's account, organisation or ARN");
        assertThat(fix.err()).contains("remove the broad grants from the key policy by hand");
        assertThat(keyPolicy(aws.kmsKeyId())).isEqualTo(planted);
    }

    @Test
    void applyKeyPolicy_showsTheDiff_putsIt_andGetKeyPolicyReadsBackWhatPolicyPrints() {
        Path ini = aws.writeIni();
        String[] roles = {"--reader-role", READER, "--writer-role", "arn:aws:iam::123456789012:role/messer-writer",
                "--account", "123456789012"};
        CliRun printed = run(ini, concat(new String[] {"policy", "aws", "--key-policy"}, roles));
        assertThat(printed.exit()).as(printed.toString()).isZero();

        CliRun applied = run(ini, concat(new String[] {"setup", "aws", "--fix", "--apply-key-policy", "--no-prompt"},
                roles));

        assertThat(applied.exit()).as(applied.toString()).isZero();
        assertThat(applied.out()).containsPattern("(?m)^\\+ +\"Sid\": \"MesserReadersUnwrap\"")
                .containsPattern("(?m)^- +\"Sid\": \"Enable IAM User Permissions\"").contains("master key policy: applied");
        assertThat(JsonParser.parseString(keyPolicy(aws.kmsKeyId()))).isEqualTo(JsonParser.parseString(printed.out()));
        CliRun again = run(ini, concat(new String[] {"setup", "aws", "--apply-key-policy", "--no-prompt"}, roles));
        assertThat(again.out()).contains("master key policy: already the wanted policy");
    }

    @Test
    void applyKeyPolicy_withoutATerminalOrNoPrompt_isRefused_andChangesNothing() {
        Path ini = aws.writeIni();
        String before = keyPolicy(aws.kmsKeyId());

        CliRun result = run(ini, "setup", "aws", "--apply-key-policy", "--reader-role", READER, "--account",
                "123456789012");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--no-prompt");
        assertThat(keyPolicy(aws.kmsKeyId())).isEqualTo(before);
    }

    @Test
    void requireMfa_fromACallerWithoutMfa_isRefusedBeforeAnyChange() {
        String alias = "messer-mfa-" + UUID.randomUUID().toString().substring(0, 8);
        Path ini = aws.writeIni(Map.of("master_key", alias));

        CliRun result = run(ini, "setup", "aws", "--create-key", "--require-mfa");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("requires MFA").contains("mfa_serial").hasLineCount(1);
        assertThat(aws.kms().listAliases().aliases()).noneMatch(a -> a.aliasName().equals("alias/" + alias));
    }

    @Test
    void policyWithoutAnAccount_asksStsOnce_andSaysSo() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("role_arn", "");
        Path ini = aws.writeIni(overrides);

        CliRun result = run(ini, "policy", "aws", "--role", "reader");

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).contains("account 123456789012 is from sts:GetCallerIdentity");
        assertThat(result.out()).contains("arn:aws:kms:us-east-1:123456789012:key/*").doesNotContain(":*:key");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
