package dev.messer.aws.setup;

import com.google.gson.JsonObject;
import dev.messer.aws.AwsErrors;
import dev.messer.config.CommonSettings;
import dev.messer.error.Hint;
import dev.messer.error.NotFoundException;
import dev.messer.aws.policy.KeyPolicyReview;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * The KMS side of {@code messer setup aws}: creates the tier's master key (symmetric, tagged,
 * rotating, with its key policy and alias), and checks an existing one: rotation on, tags present,
 * no broad grants in its key policy, and the wanted {@code Messer*} statements present. With
 * {@code fix}, rotation is enabled, missing tags are added and missing statements appended; no
 * statement already in the policy is edited or removed. A check the credentials may not make is
 * reported as unchecked, not as a failure. KMS's rotation, tag and policy calls take a key id, not
 * an alias, so every call after {@code DescribeKey} uses the resolved id.
 */
public final class MasterKeySetup {

    public static final String POLICY_NAME = "default";
    public static final String TAG_TIER = "messer:tier";

    private final KmsClient kms;
    private final String alias;

    /** @param masterKey the {@code master_key} setting, with or without {@code alias/} */
    public MasterKeySetup(KmsClient kms, String masterKey) {
        this.kms = kms;
        this.alias = masterKey.startsWith("alias/") ? masterKey : "alias/" + masterKey;
    }

    /**
     * The tags every master key carries: {@code messer:tier}, which every profile of the tier shares.
     * No profile name: the admin, writer and reader profiles of a tier use one key, and a tag naming
     * one of them would be wrong for the others.
     */
    public static Map<String, String> baseTags(CommonSettings settings) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(TAG_TIER, settings.tier());
        return tags;
    }

    public String alias() {
        return alias;
    }

    /** What a new key gets, and what an existing one is checked against. */
    public record Wanted(String description, Map<String, String> tags, JsonObject policy, String partition,
                         String account, List<String> keyAdmins, boolean policyStatements) {
    }

    /** The key the alias names, or empty when the alias does not exist. */
    public Optional<KeyMetadata> describe() {
        try {
            return Optional.of(kms.describeKey(r -> r.keyId(alias)).keyMetadata());
        } catch (software.amazon.awssdk.services.kms.model.NotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "KMS", "kms:DescribeKey", alias);
        }
    }

    /**
     * Creates a symmetric encryption key with the wanted description, tags and key policy (KMS's
     * lock-out safety check on), points the alias at it and turns rotation on.
     *
     * @return the new key's id
     */
    public String create(Wanted wanted) {
        return create(wanted, false);
    }

    /**
     * Like {@link #create(Wanted)}, a multi-Region primary key when {@code multiRegion}: its replicas
     * ({@link #replicate}) share its key material and its rotation.
     */
    public String create(Wanted wanted, boolean multiRegion) {
        String keyId = call("kms:CreateKey", alias, () -> kms.createKey(r -> r.description(wanted.description())
                .keySpec(KeySpec.SYMMETRIC_DEFAULT).keyUsage(KeyUsageType.ENCRYPT_DECRYPT).multiRegion(multiRegion)
                .tags(tags(wanted.tags())).policy(wanted.policy().toString())
                .bypassPolicyLockoutSafetyCheck(false)).keyMetadata().keyId());
        call("kms:CreateAlias", alias, () -> kms.createAlias(r -> r.aliasName(alias).targetKeyId(keyId)));
        call("kms:EnableKeyRotation", keyId, () -> kms.enableKeyRotation(r -> r.keyId(keyId)));
        return keyId;
    }

    /**
     * Replicates the multi-Region primary {@code primaryId} (its key id) into this client's region (KMS of the
     * primary's region, {@code kms:ReplicateKey}), then sets the wanted key policy and tags on the
     * replica and reads both back (a replica need not carry what {@code ReplicateKey} was given:
     * moto drops both), and creates the alias there: aliases are not replicated. Rotation belongs to
     * the primary.
     *
     * @return the replica's key id
     */
    public String replicate(KmsClient primaryKms, String primaryId, String region, Wanted wanted) {
        String keyId = primaryId;
        String replicaArn = existing(keyId).orElseGet(() -> call("kms:ReplicateKey", primaryId, () -> primaryKms
                .replicateKey(r -> r.keyId(primaryId).replicaRegion(region).description(wanted.description())
                        .policy(wanted.policy().toString()).tags(tags(wanted.tags()))
                        .bypassPolicyLockoutSafetyCheck(false)).replicaKeyMetadata().arn()));
        if (!com.google.gson.JsonParser.parseString(policy(keyId)).equals(wanted.policy())) {
            putPolicy(keyId, wanted.policy());
        }
        call("kms:TagResource", keyId, () -> kms.tagResource(r -> r.keyId(keyId).tags(tags(wanted.tags()))));
        if (!com.google.gson.JsonParser.parseString(policy(keyId)).equals(wanted.policy())) {
            throw new dev.messer.error.UnavailableException("the key policy of replica " + replicaArn + " reads back "
                    + "other than it was set; check it with 'aws kms get-key-policy'");
        }
        KeyFinding tagged = tags(keyId, wanted.tags(), false);
        if (tagged.state() != KeyFinding.State.OK) {
            throw new dev.messer.error.UnavailableException("the tags of replica " + replicaArn + " read back "
                    + tagged.detail() + "; check them with 'aws kms list-resource-tags'");
        }
        if (describe().isEmpty()) {
            call("kms:CreateAlias", alias, () -> kms.createAlias(r -> r.aliasName(alias).targetKeyId(keyId)));
        }
        return keyId;
    }

    /** The ARN of key {@code keyId} in this client's region, if it is there (a replica made by an earlier run). */
    private Optional<String> existing(String keyId) {
        try {
            return Optional.of(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().arn());
        } catch (software.amazon.awssdk.services.kms.model.NotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "KMS", "kms:DescribeKey", keyId);
        }
    }

    /**
     * Checks the key; with {@code fix}, repairs what it can. A multi-Region replica's rotation is its
     * primary's: it is reported, not checked.
     */
    public List<KeyFinding> check(KeyMetadata key, Wanted wanted, boolean fix) {
        if (key.multiRegionConfiguration() == null || key.multiRegionConfiguration().multiRegionKeyType()
                != software.amazon.awssdk.services.kms.model.MultiRegionKeyType.REPLICA) {
            return check(key.keyId(), wanted, fix);
        }
        String primary = key.multiRegionConfiguration().primaryKey() == null ? "the primary"
                : key.multiRegionConfiguration().primaryKey().region();
        List<KeyFinding> findings = new ArrayList<>();
        findings.add(KeyFinding.ok("rotation", "a multi-Region replica: rotation is set on its primary in " + primary));
        findings.add(tags(key.keyId(), wanted.tags(), fix));
        findings.addAll(policy(key.keyId(), wanted, fix));
        return findings;
    }

    /** Checks the key; with {@code fix}, repairs what it can. */
    public List<KeyFinding> check(String keyId, Wanted wanted, boolean fix) {
        List<KeyFinding> findings = new ArrayList<>();
        findings.add(rotation(keyId, fix));
        findings.add(tags(keyId, wanted.tags(), fix));
        findings.addAll(policy(keyId, wanted, fix));
        return findings;
    }

    /** The key policy now in force ({@code GetKeyPolicy}, policy name {@code default}). */
    public String policy(String keyId) {
        return call("kms:GetKeyPolicy", keyId, () -> kms.getKeyPolicy(r -> r.keyId(keyId).policyName(POLICY_NAME))
                .policy());
    }

    /** Replaces the key policy, with KMS's lock-out safety check on. */
    public void putPolicy(String keyId, JsonObject policy) {
        call("kms:PutKeyPolicy", keyId, () -> kms.putKeyPolicy(r -> r.keyId(keyId).policyName(POLICY_NAME)
                .policy(policy.toString()).bypassPolicyLockoutSafetyCheck(false)));
    }

    /** @throws NotFoundException naming {@code fix} when the alias does not exist */
    public KeyMetadata require(Hint fix) {
        return describe().orElseThrow(() -> new NotFoundException("KMS " + alias + " does not exist", fix));
    }

    private KeyFinding rotation(String keyId, boolean fix) {
        Boolean enabled = readOrNull("kms:GetKeyRotationStatus", keyId, () -> kms.getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled());
        if (enabled == null) {
            return KeyFinding.unchecked("rotation", "not checked: kms:GetKeyRotationStatus was refused to these "
                    + "credentials");
        }
        if (enabled) {
            return KeyFinding.ok("rotation", "on");
        }
        if (!fix) {
            return KeyFinding.problem("rotation", "automatic key rotation is off", true);
        }
        call("kms:EnableKeyRotation", keyId, () -> kms.enableKeyRotation(r -> r.keyId(keyId)));
        return KeyFinding.changed("rotation", "automatic key rotation enabled");
    }

    private KeyFinding tags(String keyId, Map<String, String> wanted, boolean fix) {
        List<Tag> present = readOrNull("kms:ListResourceTags", keyId, () -> kms.listResourceTags(r -> r.keyId(keyId)).tags());
        if (present == null) {
            return KeyFinding.unchecked("tags", "not checked: kms:ListResourceTags was refused to these credentials");
        }
        Map<String, String> have = new LinkedHashMap<>();
        present.forEach(t -> have.put(t.tagKey(), t.tagValue()));
        Map<String, String> missing = new LinkedHashMap<>();
        wanted.forEach((k, v) -> {
            if (!v.equals(have.get(k))) {
                missing.put(k, v);
            }
        });
        if (missing.isEmpty()) {
            return KeyFinding.ok("tags", describeTags(wanted));
        }
        if (!fix) {
            return KeyFinding.problem("tags", "missing or different: " + describeTags(missing), true);
        }
        call("kms:TagResource", keyId, () -> kms.tagResource(r -> r.keyId(keyId).tags(tags(missing))));
        return KeyFinding.changed("tags", "set " + describeTags(missing));
    }

    private List<KeyFinding> policy(String keyId, Wanted wanted, boolean fix) {
        String text = readOrNull("kms:GetKeyPolicy", keyId, () -> kms.getKeyPolicy(r -> r.keyId(keyId).policyName(POLICY_NAME)).policy());
        if (text == null) {
            return List.of(KeyFinding.unchecked("key policy", "not checked: kms:GetKeyPolicy was refused to these "
                    + "credentials"));
        }
        KeyPolicyReview review = KeyPolicyReview.of(text);
        List<KeyFinding> findings = new ArrayList<>();
        for (String grant : review.broadGrants(wanted.partition(), wanted.account(), wanted.keyAdmins())) {
            findings.add(KeyFinding.problem("key policy", grant, false));
        }
        List<String> missing = wanted.policyStatements() ? review.missingStatements(wanted.policy()) : List.of();
        if (!missing.isEmpty() && fix) {
            putPolicy(keyId, review.withMissingStatements(wanted.policy()));
            findings.add(KeyFinding.changed("key policy", "added " + String.join(", ", missing)));
        } else if (!missing.isEmpty()) {
            findings.add(KeyFinding.problem("key policy", "lacks " + String.join(", ", missing), true));
        }
        if (findings.isEmpty()) {
            findings.add(KeyFinding.ok("key policy", "no broad grants"
                    + (wanted.policyStatements() ? ", every Messer statement present" : "")));
        }
        return findings;
    }

    private static String describeTags(Map<String, String> tags) {
        List<String> parts = new ArrayList<>();
        tags.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    private static List<Tag> tags(Map<String, String> tags) {
        List<Tag> list = new ArrayList<>();
        tags.forEach((k, v) -> list.add(Tag.builder().tagKey(k).tagValue(v).build()));
        return list;
    }

    private interface Call<T> {
        T get();
    }

    private interface Action {
        void run();
    }

    /** The value, or null when the call was refused for lack of permission. */
    private static <T> T readOrNull(String action, String keyId, Call<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            String code = AwsErrors.errorCode(e);
            if (code.equals("AccessDeniedException") || code.equals("AccessDenied")) {
                return null;
            }
            throw AwsErrors.translate(e, "KMS", action, keyId);
        }
    }

    private static <T> T call(String action, String resource, Call<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "KMS", action, resource);
        }
    }

    private static void call(String action, String resource, Action call) {
        call(action, resource, () -> {
            call.run();
            return null;
        });
    }
}
