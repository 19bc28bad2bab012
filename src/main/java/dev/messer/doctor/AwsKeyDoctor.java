package dev.messer.doctor;

import dev.messer.aws.AwsClientFactory;
import dev.messer.aws.AwsService;
import dev.messer.config.Settings;
import dev.messer.error.Hint;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.aws.policy.KeyPolicy;
import dev.messer.aws.policy.KeyPolicyReview;
import dev.messer.aws.policy.PolicyRole;
import dev.messer.aws.setup.KeyFinding;
import dev.messer.aws.setup.MasterKeySetup;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * The master-key checks of {@code messer doctor aws}: rotation, tags, broad grants in the key
 * policy, with {@code --role} what the key policy lets this caller do, the KMS and S3 endpoints in
 * use, and the key versions whose context lacks {@code messer:tier}.
 */
public final class AwsKeyDoctor {

    private static final Hint FIX = Hint.of("run {} with key administrator credentials", Hint.aws("setup", "--fix"));

    private AwsKeyDoctor() {
    }

    /** Checks that need the master key alias to resolve. */
    static void check(Checklist list, Settings settings, AwsClientFactory clients, PolicyRole role, String needs) {
        MasterKeySetup keys = new MasterKeySetup(clients.kms(), settings.aws().masterKey().value());
        KeyMetadata[] key = new KeyMetadata[1];
        List<KeyFinding> findings = new ArrayList<>();
        list.check("key settings", () -> {
            key[0] = keys.require(Hint.of("create the key and its alias with {}", Hint.aws("setup", "--create-key")));
            String[] arn = key[0].arn().split(":", 6);
            findings.addAll(keys.check(key[0].keyId(), new MasterKeySetup.Wanted(null, MasterKeySetup.baseTags(settings.common()),
                    null, arn[1], arn[4], List.of(), false), false));
            return "key " + key[0].keyId() + " in account " + arn[4];
        }, needs);
        for (String subject : List.of("rotation", "tags", "key policy")) {
            list.check("key " + (subject.equals("key policy") ? "policy" : subject),
                    () -> report(findings, subject), "key settings");
        }
        if (role != null) {
            list.check("key policy for " + role.word(), () -> roleCheck(keys, key[0], settings, clients, role),
                    "key settings");
        }
    }

    /** Which KMS and S3 endpoints are in use. */
    static String endpoints(AwsClientFactory clients) {
        String region = clients.region().id();
        return "KMS " + describe(clients.endpoint(AwsService.KMS), "kms." + region + ".amazonaws.com") + ", S3 "
                + describe(clients.endpoint(AwsService.S3), "s3." + region + ".amazonaws.com");
    }

    /** Key versions stored without {@code messer:tier}. */
    static String versionsWithoutTier(KeyRing ring, Settings settings) {
        if (settings.common().tier().isEmpty()) {
            return "the profile has no tier";
        }
        List<KeyRef> lacking = KeyAudits.versionsWithoutTier(ring, settings.common().tier());
        if (lacking.isEmpty()) {
            return "every key version carries messer:tier";
        }
        List<String> shown = lacking.stream().map(KeyRef::toString).limit(10).toList();
        throw new Checklist.Warning(lacking.size() + " key version(s) lack messer:tier in their context: "
                + String.join(", ", shown) + (lacking.size() > shown.size() ? ", ..." : ""),
                Hint.of("run {} to move the items onto new versions that carry it", Hint.aws("bulk rotate-keys")));
    }

    private static String describe(Optional<URI> override, String publicHost) {
        return override.map(u -> "override " + u).orElse("public endpoint " + publicHost);
    }

    private static String report(List<KeyFinding> findings, String subject) {
        List<String> problems = new ArrayList<>();
        String detail = "";
        boolean unchecked = false;
        boolean fixable = true;
        for (KeyFinding finding : findings) {
            if (!finding.subject().equals(subject)) {
                continue;
            }
            detail = finding.detail();
            unchecked |= finding.state() == KeyFinding.State.UNCHECKED;
            if (finding.state() == KeyFinding.State.PROBLEM) {
                problems.add(finding.detail());
                fixable &= finding.fixable();
            }
        }
        if (unchecked) {
            throw new Checklist.Warning(detail, Hint.of("run {} with key administrator credentials", Hint.aws("doctor")));
        }
        if (problems.isEmpty()) {
            return detail;
        }
        if (fixable) {
            throw new Checklist.Warning(String.join("; ", problems), FIX);
        }
        throw new Checklist.Failure(String.join("; ", problems), Hint.text("remove the broad grants from the key "
                + "policy ('aws kms put-key-policy'; see docs/aws.md, Master key)"));
    }

    private static String roleCheck(MasterKeySetup keys, KeyMetadata key, Settings settings, AwsClientFactory clients,
                                    PolicyRole role) {
        List<String> needed = new ArrayList<>(role == PolicyRole.ADMIN ? KeyPolicy.ADMIN_CRYPTO_ACTIONS
                : KeyPolicy.UNWRAP_ACTIONS);
        if (role == PolicyRole.ADMIN) {
            needed.add("kms:DescribeKey");
        }
        String caller = settings.aws().role().arn().orElseGet(() -> clients.callerIdentity().arn());
        KeyPolicyReview review = KeyPolicyReview.of(keys.policy(key.keyId()));
        List<String> allowed = review.allowedTo(caller, needed);
        if (allowed.size() == needed.size()) {
            return "lets " + caller + " " + String.join(", ", allowed);
        }
        List<String> missing = new ArrayList<>(needed);
        missing.removeIf(a -> allowed.stream().anyMatch(x -> x.startsWith(a)));
        String[] arn = key.arn().split(":", 6);
        String root = "arn:" + arn[1] + ":iam::" + arn[4] + ":root";
        if (!review.allowedTo(root, missing).isEmpty()) {
            throw new Checklist.Warning("the key policy does not name " + caller + " for " + String.join(", ", missing)
                    + "; it leaves them to the account's IAM policies", Hint.of("grant them with {}, or name the role: "
                    + "{}", Hint.aws("policy", "--role", role.word()), Hint.aws("setup", "--fix", "--" + role.word()
                    + "-role", "ARN")));
        }
        throw new Checklist.Failure("the key policy does not let " + caller + " " + String.join(", ", missing),
                Hint.of("{} adds the statement", Hint.aws("setup", "--fix", "--" + role.word() + "-role", "ARN")));
    }
}
