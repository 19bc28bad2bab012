package dev.messer.security;

import static dev.messer.security.TwoRegions.HOME;
import static dev.messer.security.TwoRegions.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.aws.MotoServer;
import dev.messer.aws.MotoTest;
import dev.messer.aws.policy.ReplicationRolePolicy;
import dev.messer.aws.setup.WriteRefusal;
import dev.messer.cli.CliRun;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.MultiRegionKeyType;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code setup aws} of a tier in two regions, each behind its own relay on one moto: the keys per
 * region (or a multi-Region primary and its replica), versioning, the replication role and the
 * tier's rules on the home secrets bucket, and the write refusal of the other region's; a second
 * run changes nothing, a second tier keeps the first one's rules, and {@code doctor aws} sees each.
 */
@MotoTest
class MultiRegionSetupIT {

    @TempDir
    Path dir;

    private TwoRegions world;
    private IamClient iam;
    private String alias;

    @BeforeEach
    void setUp() {
        world = new TwoRegions(dir);
        world.keepReplicationAsPut();
        alias = "messer-setup-" + UUID.randomUUID().toString().substring(0, 8);
        iam = IamClient.builder().region(Region.AWS_GLOBAL).endpointOverride(world.aws.moto().endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(MotoServer.ACCESS_KEY,
                        MotoServer.SECRET_KEY))).build();
    }

    @AfterEach
    void tearDown() {
        iam.close();
        world.close();
    }

    private String role() {
        return "messer-replication-" + world.suffix;
    }

    private Path ini(String tier, String extraFlags) {
        return world.writeIni(Map.of("master_key", alias, "tier", tier,
                "keys_bucket", "keys-" + world.suffix + "-{region}"), extraFlags);
    }

    private CliRun setup(Path config, String... flags) {
        String[] args = new String[flags.length + 2];
        args[0] = "setup";
        args[1] = "aws";
        System.arraycopy(flags, 0, args, 2, flags.length);
        return world.run(config, args);
    }

    private KeyMetadata key(String region) {
        return world.kms(region).describeKey(r -> r.keyId("alias/" + alias)).keyMetadata();
    }

    private Map<String, String> tags(String region, String keyId) {
        return world.kms(region).listResourceTags(r -> r.keyId(keyId)).tags().stream()
                .collect(Collectors.toMap(Tag::tagKey, Tag::tagValue));
    }

    private JsonElement keyPolicy(String region, String keyId) {
        return JsonParser.parseString(world.kms(region).getKeyPolicy(r -> r.keyId(keyId).policyName("default"))
                .policy());
    }

    /** The home bucket's configuration as S3 would answer it (through the relay, see TwoRegions). */
    private ReplicationConfiguration replication() {
        return world.s3Through(HOME).getBucketReplication(r -> r.bucket(world.secretsBucket(HOME))).replicationConfiguration();
    }

    private String bucketPolicy(String region) {
        return world.aws.s3().getBucketPolicy(r -> r.bucket(world.secretsBucket(region))).policy();
    }

    @Test
    void check_thenFix_setsUpBothRegions_readBack_andASecondRunChangesNothing() {
        Path config = ini("dev", "");
        CliRun check = setup(config);
        assertThat(check.exit()).as(check.toString()).isEqualTo(1);
        assertThat(check.out()).contains(HOME + " master key: KMS alias/" + alias + " does not exist in " + HOME)
                .contains(OTHER + " secrets bucket s3://" + world.secretsBucket(OTHER) + ": ")
                .contains("versioning is not enabled");
        assertThat(check.err()).contains("messer setup aws --fix");
        assertThatThrownBy(() -> key(HOME)).as("a check changes nothing").isInstanceOf(RuntimeException.class);

        CliRun fix = setup(config, "--fix", "--replication-role", role(), "--tag", "team=payments");
        assertThat(fix.exit()).as(fix.toString()).isZero();

        KeyMetadata home = key(HOME);
        KeyMetadata other = key(OTHER);
        assertThat(home.keyId()).isNotEqualTo(other.keyId());
        for (String region : List.of(HOME, OTHER)) {
            KeyMetadata key = key(region);
            assertThat(key.arn()).contains(":kms:" + region + ":");
            assertThat(world.kms(region).getKeyRotationStatus(r -> r.keyId(key.keyId())).keyRotationEnabled()).isTrue();
            assertThat(tags(region, key.keyId())).containsEntry("messer:tier", "dev").containsEntry("team", "payments");
            assertThat(keyPolicy(region, key.keyId()).toString()).contains("MesserRootFullAccess");
            for (String bucket : List.of(world.secretsBucket(region), world.keysBucket(region))) {
                assertThat(world.aws.s3().getBucketVersioning(r -> r.bucket(bucket)).status())
                        .as(bucket).isEqualTo(BucketVersioningStatus.ENABLED);
            }
        }

        String roleArn = "arn:aws:iam::123456789012:role/" + role();
        ReplicationConfiguration config1 = replication();
        assertThat(config1.role()).isEqualTo(roleArn);
        assertThat(config1.rules()).hasSize(1);
        ReplicationRule rule = config1.rules().get(0);
        assertThat(rule.id()).isEqualTo("messer-dev-" + OTHER);
        assertThat(rule.filter().prefix()).isEqualTo("dev/");
        assertThat(rule.deleteMarkerReplication().statusAsString()).isEqualTo("Enabled");
        assertThat(rule.sourceSelectionCriteria().sseKmsEncryptedObjects().statusAsString()).isEqualTo("Enabled");
        assertThat(rule.destination().bucket()).isEqualTo("arn:aws:s3:::" + world.secretsBucket(OTHER));
        assertThat(rule.destination().encryptionConfiguration().replicaKmsKeyID()).isEqualTo(other.arn());

        String trust = URLDecoder.decode(iam.getRole(r -> r.roleName(role())).role().assumeRolePolicyDocument(),
                StandardCharsets.UTF_8);
        assertThat(JsonParser.parseString(trust)).isEqualTo(ReplicationRolePolicy.trustPolicy());
        String policyName = ReplicationRolePolicy.policyName("dev", world.secretsBucket(HOME));
        JsonObject inline = JsonParser.parseString(URLDecoder.decode(iam.getRolePolicy(r -> r.roleName(role())
                .policyName(policyName)).policyDocument(), StandardCharsets.UTF_8)).getAsJsonObject();
        assertThat(inline.toString()).contains("s3:ReplicateObject").contains(other.arn())
                .contains("arn:aws:s3:::" + world.secretsBucket(OTHER) + "/dev/*")
                .contains("s3." + OTHER + ".amazonaws.com");

        assertThat(bucketPolicy(OTHER)).contains(WriteRefusal.SID).contains(roleArn).contains("s3:PutObject");
        assertThatThrownBy(() -> world.aws.s3().putObject(r -> r.bucket(world.secretsBucket(OTHER)).key("dev/x"),
                RequestBody.fromString("x"))).as("moto enforces the deny").isInstanceOf(S3Exception.class);
        assertThatThrownBy(() -> bucketPolicy(HOME)).as("the home bucket takes writes")
                .isInstanceOf(S3Exception.class);

        String otherPolicy = bucketPolicy(OTHER);
        CliRun again = setup(config, "--fix", "--replication-role", role(), "--tag", "team=payments");
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.out()).doesNotContain("created").doesNotContain("versioning enabled").doesNotContain(" set under ")
                .doesNotContain("now refuses").doesNotContain("put " + policyName)
                .contains("replication of s3://" + world.secretsBucket(HOME) + ": rules messer-dev-" + OTHER
                        + " as wanted");
        assertThat(replication()).isEqualTo(config1);
        assertThat(bucketPolicy(OTHER)).isEqualTo(otherPolicy);
        CliRun checked = setup(config);
        assertThat(checked.exit()).as(checked.toString()).isZero();
    }

    @Test
    void aSecondTier_onTheSameSecretsBuckets_keepsTheFirstTiersRules_underTheSameRole() {
        CliRun dev = setup(ini("dev", ""), "--fix", "--replication-role", role());
        assertThat(dev.exit()).as(dev.toString()).isZero();
        ReplicationRule devRule = replication().rules().get(0);

        Path qa = world.writeIni(Map.of("master_key", alias + "-qa", "tier", "qa",
                "keys_bucket", "keysqa-" + world.suffix + "-{region}"), "");
        CliRun second = setup(qa, "--fix");
        assertThat(second.exit()).as(second.toString()).isZero();
        assertThat(second.out()).contains("(1 other rule(s) kept)");

        ReplicationConfiguration both = replication();
        assertThat(both.role()).as("the bucket's role, taken without naming it").endsWith(":role/" + role());
        assertThat(both.rules()).extracting(ReplicationRule::id).containsExactlyInAnyOrder("messer-dev-" + OTHER,
                "messer-qa-" + OTHER);
        assertThat(both.rules()).contains(devRule);
        assertThat(both.rules()).extracting(ReplicationRule::priority).doesNotHaveDuplicates();
        assertThat(both.rules().stream().filter(r -> r.id().startsWith("messer-qa")).findFirst().orElseThrow()
                .filter().prefix()).isEqualTo("qa/");
        assertThat(iam.listRolePolicies(r -> r.roleName(role())).policyNames()).containsExactlyInAnyOrder(
                ReplicationRolePolicy.policyName("dev", world.secretsBucket(HOME)),
                ReplicationRolePolicy.policyName("qa", world.secretsBucket(HOME)));

        CliRun devAgain = setup(ini("dev", ""), "--fix");
        assertThat(devAgain.exit()).as(devAgain.toString()).isZero();
        assertThat(replication()).isEqualTo(both);
    }

    @Test
    void anotherRoleOnTheBucket_isRefused_inOneLine_andNothingIsReplaced() {
        CliRun dev = setup(ini("dev", ""), "--fix", "--replication-role", role());
        assertThat(dev.exit()).as(dev.toString()).isZero();
        ReplicationConfiguration before = replication();

        CliRun other = setup(ini("dev", ""), "--fix", "--replication-role", "someone-elses");
        assertThat(other.exit()).as(other.toString()).isEqualTo(1);
        assertThat(other.err()).contains("s3://" + world.secretsBucket(HOME) + " replicates under role "
                + before.role() + ", not arn:aws:iam::123456789012:role/someone-elses")
                .contains("--replication-role " + before.role());
        assertThat(other.err().lines().filter(l -> l.startsWith("messer: s3://"))).hasSize(1);
        assertThat(replication()).isEqualTo(before);
    }

    @Test
    void multiRegionKey_createsAPrimary_andAReplica_withAliasPolicyAndTagsReadBack() {
        Path config = ini("dev", "");
        CliRun fix = setup(config, "--fix", "--multi-region-key", "--replication-role", role(), "--tag", "team=x");
        assertThat(fix.exit()).as(fix.toString()).isZero();
        assertThat(fix.out()).contains(HOME + " master key: created alias/" + alias)
                .contains("multi-Region primary").contains(OTHER + " master key: created alias/" + alias)
                .contains("replica of");

        KeyMetadata primary = key(HOME);
        KeyMetadata replica = key(OTHER);
        // moto 5.2.1's ReplicateKey shallow-copies the primary, so both then describe themselves as the
        // replica; the ARNs still say which is where
        assertThat(primary.multiRegion()).isTrue();
        assertThat(primary.arn()).contains(":kms:" + HOME + ":");
        assertThat(replica.arn()).contains(":kms:" + OTHER + ":");
        assertThat(replica.multiRegionConfiguration().multiRegionKeyType()).isEqualTo(MultiRegionKeyType.REPLICA);
        assertThat(replica.keyId()).isEqualTo(primary.keyId());
        assertThat(world.kms(HOME).getKeyRotationStatus(r -> r.keyId(primary.keyId())).keyRotationEnabled()).isTrue();
        assertThat(tags(OTHER, replica.keyId())).containsEntry("messer:tier", "dev").containsEntry("team", "x");
        assertThat(keyPolicy(OTHER, replica.keyId())).isEqualTo(keyPolicy(HOME, primary.keyId()));
        assertThat(replication().rules().get(0).destination().encryptionConfiguration().replicaKmsKeyID())
                .isEqualTo(replica.arn());

        CliRun again = setup(config, "--fix", "--multi-region-key", "--replication-role", role(), "--tag", "team=x");
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.out()).doesNotContain("created").contains(OTHER + " master key rotation: a multi-Region "
                + "replica: rotation is set on its primary in " + HOME);
    }

    @Test
    void doctor_isGreenAfterSetup_andRedWhenARuleOrTheWriteRefusalIsRemoved() {
        Path config = ini("dev", "");
        CliRun fix = setup(config, "--fix", "--replication-role", role());
        assertThat(fix.exit()).as(fix.toString()).isZero();

        CliRun green = world.run(config, "doctor", "aws");
        assertThat(green.out()).as(green.toString()).doesNotContain("[FAIL]").contains("[ok]   " + HOME + " master key")
                .contains("[ok]   " + OTHER + " master key").contains("[ok]   " + OTHER + " versioning")
                .contains("[ok]   replication rules").contains("[ok]   " + OTHER + " write refusal");

        world.aws.s3().putBucketVersioning(r -> r.bucket(world.keysBucket(OTHER)).versioningConfiguration(v -> v
                .status(BucketVersioningStatus.SUSPENDED)));
        String refusing = bucketPolicy(OTHER);
        world.aws.s3().deleteBucketPolicy(r -> r.bucket(world.secretsBucket(OTHER)));
        CliRun noRefusal = world.run(config, "doctor", "aws");
        assertThat(noRefusal.exit()).isNotZero();
        assertThat(noRefusal.out()).contains("[FAIL] " + OTHER + " write refusal").contains("does not refuse writes")
                .contains("[FAIL] " + OTHER + " versioning").contains("messer setup aws --fix");

        world.aws.s3().putBucketPolicy(r -> r.bucket(world.secretsBucket(OTHER)).policy(refusing));
        ReplicationConfiguration withRule = replication();
        world.s3Through(HOME).putBucketReplication(r -> r.bucket(world.secretsBucket(HOME)).replicationConfiguration(
                withRule.toBuilder().rules(withRule.rules().get(0).toBuilder().deleteMarkerReplication(d -> d
                        .status("Disabled")).build()).build()));
        CliRun noMarkers = world.run(config, "doctor", "aws");
        assertThat(noMarkers.out()).contains("[FAIL] replication rules")
                .contains("rule messer-dev-" + OTHER + ": delete markers are not replicated");

        world.s3Through(HOME).putBucketReplication(r -> r.bucket(world.secretsBucket(HOME)).replicationConfiguration(
                withRule.toBuilder().rules(ReplicationRule.builder().id("their-own").priority(9).status("Enabled")
                        .filter(f -> f.prefix("logs/")).deleteMarkerReplication(d -> d.status("Disabled"))
                        .destination(d -> d.bucket("arn:aws:s3:::" + world.secretsBucket(OTHER))).build()).build()));
        CliRun noRule = world.run(config, "doctor", "aws");
        assertThat(noRule.out()).contains("[FAIL] replication rules").contains("rule messer-dev-" + OTHER
                + " is missing");
    }

    @Test
    void policy_showsTheReplicationRoleAsSetupAppliesIt_andRolePoliciesCoverEveryRegion() {
        Path config = ini("dev", "");
        CliRun fix = setup(config, "--fix", "--replication-role", role());
        assertThat(fix.exit()).as(fix.toString()).isZero();

        CliRun shown = world.run(config, "policy", "aws", "--replication-policy", "--replication-role", role());
        assertThat(shown.exit()).as(shown.toString()).isZero();
        JsonObject printed = JsonParser.parseString(shown.out()).getAsJsonObject();
        String policyName = ReplicationRolePolicy.policyName("dev", world.secretsBucket(HOME));
        assertThat(printed.get("RoleName").getAsString()).isEqualTo(role());
        assertThat(printed.get("PolicyName").getAsString()).isEqualTo(policyName);
        assertThat(printed.get("PolicyDocument")).isEqualTo(JsonParser.parseString(URLDecoder.decode(iam.getRolePolicy(
                r -> r.roleName(role()).policyName(policyName)).policyDocument(), StandardCharsets.UTF_8)));

        CliRun admin = world.run(config, "policy", "aws", "--role", "admin", "--account", "123456789012");
        assertThat(admin.exit()).as(admin.toString()).isZero();
        for (String region : List.of(HOME, OTHER)) {
            assertThat(admin.out()).contains("arn:aws:s3:::" + world.keysBucket(region) + "/*")
                    .contains("arn:aws:s3:::" + world.secretsBucket(region) + "/dev/*")
                    .contains("arn:aws:kms:" + region + ":123456789012:key/*");
        }
        assertThat(admin.out()).contains("kms:Encrypt");
    }
}
