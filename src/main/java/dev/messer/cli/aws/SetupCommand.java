package dev.messer.cli.aws;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import dev.messer.app.AdminSession;
import dev.messer.aws.AwsClientFactory;
import dev.messer.aws.AwsService;
import dev.messer.aws.setup.BucketHardening;
import dev.messer.aws.setup.KeyFinding;
import dev.messer.aws.setup.MasterKeyAlias;
import dev.messer.aws.setup.MasterKeySetup;
import dev.messer.cli.CommandBase;
import dev.messer.cli.CommandContext;
import dev.messer.cli.Console;
import dev.messer.cli.ExitCodes;
import dev.messer.cli.Grammar;
import dev.messer.cli.UsageException;
import dev.messer.config.Provider;
import dev.messer.config.AwsSettings;
import dev.messer.config.Settings;
import dev.messer.error.Hint;
import dev.messer.error.MesserException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * {@code messer setup aws}: creates the profile's buckets if needed and makes them as messer wants
 * them (public access blocked, default SSE-KMS, versioning, TLS-only policy), then the master key:
 * creates it with {@code --create-key}, checks rotation, tags and key policy, repairs them with
 * {@code --fix}, and replaces the key policy with {@code --apply-key-policy}. Changes only what
 * differs, so running it again changes nothing.
 */
public final class SetupCommand extends CommandBase {

    static final Hint HINT = Hint.of("set it with {}", Hint.aws("configure"));

    static final Grammar GRAMMAR = Grammar.awsOnly(Hint.of("a local profile needs only {}", Hint.local("configure")))
            .options("[--create-key] [--tag KEY=VALUE]... [--fix] [--apply-key-policy] [--no-prompt] "
            + "[--key-admin-role ARN]... [--admin-role ARN]... [--writer-role ARN]... [--reader-role ARN]... "
            + "[--account ID] [--require-mfa] [--multi-region-key] [--replication-role NAME|ARN] [--profile P] [-c CONFIG]");


    @Parameter(names = "--create-key", description = "Create the master key and its alias when the alias is missing")
    boolean createKey;

    @Parameter(names = "--tag", description = "Another tag KEY=VALUE for the master key (repeatable)")
    List<String> tags = new ArrayList<>();

    @Parameter(names = "--fix", description = "Enable rotation, add missing tags and missing Messer key policy statements")
    boolean fix;

    @Parameter(names = "--apply-key-policy", description = "Replace the key policy with the one of 'policy aws --key-policy'")
    boolean applyKeyPolicy;

    @Parameter(names = "--no-prompt", description = "Apply the key policy without asking for confirmation")
    boolean noPrompt;

    @Parameter(names = "--multi-region-key", description = "With regions: create a multi-Region primary key in the "
            + "home region and a replica in every other region, instead of a key per region")
    boolean multiRegionKey;

    @Parameter(names = "--replication-role", description = "With regions: the IAM role (name or ARN) S3 Replication "
            + "of the secrets bucket runs under (default: the bucket's own, else messer-replication)")
    String replicationRole;

    @ParametersDelegate
    KeyPolicyFlags keyFlags = new KeyPolicyFlags();

    public SetupCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        Map<String, String> extraTags = parseTags();
        keyFlags.roles();
        Settings settings = context.settings(Provider.AWS).validate();
        AwsSettings aws = settings.aws();
        if (keyFlags.requireMfa && aws.role().mfaSerial().isEmpty()) {
            throw new UsageException("refusing a key policy that requires MFA from a caller without MFA: KMS would "
                    + "refuse this profile's next change to the key", Hint.of("set mfa_serial ({}) with a role_arn, or "
                    + "leave out --require-mfa", Hint.aws("configure", "--mfa-serial", "ARN")));
        }
        keyFlags.explainMfa(context.console());
        if (!settings.regions().isEmpty()) {
            return new RegionalSetup(this, context, settings, extraTags).run();
        }
        if (multiRegionKey || replicationRole != null) {
            throw new UsageException((multiRegionKey ? "--multi-region-key" : "--replication-role") + " is for a "
                    + "profile with regions (docs/aws.md, \"Several regions\")");
        }
        aws.secretsBucket().require(HINT);
        aws.keysBucket().require(HINT);
        String masterKey = aws.masterKey().require(HINT);
        Console console = context.console();
        try (AdminSession session = context.sessions(Provider.AWS).admin(settings)) {
            AwsClientFactory clients = session.clients();
            boolean broadBucketGrants = buckets(console, clients, aws, "", true) < 0;
            int status;
            try {
                status = masterKey(context, settings, clients, new MasterKeySetup(clients.kms(), masterKey), extraTags);
            } catch (MesserException e) {
                console.error("messer: " + context.hints().message(e));
                status = ExitCodes.FAILURE;
            }
            if (broadBucketGrants) {
                console.error("messer: a bucket policy grants too much; " + BucketHardening.BROAD_GRANTS_FIX);
                return ExitCodes.FAILURE;
            }
            return status;
        }
    }

    /**
     * Makes the profile's buckets as messer wants them ({@code change}), or says what differs.
     *
     * @param label "" or the region and a space, before every line
     * @return how many problems are left, or -1 when a bucket policy grants too much
     */
    int buckets(Console console, AwsClientFactory clients, AwsSettings aws, String label, boolean change) {
        Map<String, String> buckets = new LinkedHashMap<>();
        buckets.put(aws.secretsBucket().require(HINT), "secrets bucket");
        buckets.merge(aws.keysBucket().require(HINT), "keys bucket", (a, b) -> a + " and " + b);
        Optional<URI> plain = clients.endpoint(AwsService.S3).filter(u -> "http".equals(u.getScheme()));
        plain.ifPresent(url -> console.error("warning: S3 endpoint " + url + " is plain HTTP, so the TLS-only "
                + "bucket policy is not applied (it would refuse every request through this endpoint); use an "
                + "https:// endpoint outside of test emulators"));
        BucketHardening hardening = new BucketHardening(clients.s3(), clients.region(), aws.sseKmsKeyId(),
                plain.isEmpty());
        boolean broad = false;
        int left = 0;
        for (Map.Entry<String, String> bucket : buckets.entrySet()) {
            String name = label + bucket.getValue() + " s3://" + bucket.getKey() + ": ";
            List<String> changes = change ? hardening.apply(bucket.getKey()) : List.of();
            List<String> problems = change ? List.of() : hardening.review(bucket.getKey()).fixable();
            left += problems.size();
            console.data(name + (changes.isEmpty() && problems.isEmpty() ? "already as required"
                    : String.join(", ", change ? changes : problems)));
            if (problems.contains("the bucket does not exist")) {
                continue;
            }
            for (String grant : hardening.review(bucket.getKey()).broadGrants()) {
                console.data(name + "the bucket policy's " + grant);
                broad = true;
            }
        }
        return broad ? -1 : left;
    }

    private int masterKey(CommandContext context, Settings settings, AwsClientFactory clients, MasterKeySetup keys,
                          Map<String, String> extraTags) {
        Console console = context.console();
        Optional<KeyMetadata> key = keys.describe();
        if (key.isEmpty() && !createKey) {
            console.error("messer: " + context.hints().message("KMS " + keys.alias() + " does not exist in "
                    + clients.region().id(), Hint.of("run {} to create the key and its alias (see docs/aws.md)",
                    Hint.aws("setup", rerun("--create-key")))));
            return ExitCodes.FAILURE;
        }
        KmsKeyPlan plan = new KmsKeyPlan(settings, keyFlags, extraTags, console, clients);
        if (key.isEmpty()) {
            MasterKeySetup.Wanted wanted = plan.wanted(null, true);
            String keyId = keys.create(wanted);
            console.data("master key: created " + keys.alias() + " -> key " + keyId + " (symmetric, rotation on, tags "
                    + KmsKeyPlan.describe(wanted.tags()) + ", key policy " + KmsKeyPlan.sids(wanted.policy()) + ")");
            return ExitCodes.OK;
        }
        MasterKeySetup.Wanted wanted = plan.wanted(key.get().arn(), false);
        return checkKey(context, clients, keys, key.get(), wanted, "master key", "");
    }

    /**
     * Checks an existing key: its alias, then (with {@code --apply-key-policy}) its policy replaced,
     * then rotation, tags and key policy, repaired with {@code --fix}.
     *
     * @param label "master key", or the region's "eu-west-1 master key", before every line
     * @param where "", or " in eu-west-1", after the alias in the closing error
     */
    int checkKey(CommandContext context, AwsClientFactory clients, MasterKeySetup keys, KeyMetadata key,
                 MasterKeySetup.Wanted wanted, String label, String where) {
        Console console = context.console();
        console.data(label + ": " + MasterKeyAlias.check(clients.kms(), keys.alias(), clients.region().id()));
        String keyId = key.keyId();
        if (applyKeyPolicy && !KeyPolicyApply.run(console, keys, keyId, wanted.policy(), noPrompt)) {
            return ExitCodes.FAILURE;
        }
        List<KeyFinding> findings = keys.check(key, wanted, fix);
        long fixable = 0;
        long byHand = 0;
        for (KeyFinding finding : findings) {
            console.data(label + " " + finding.subject() + ": " + finding.detail());
            if (finding.state() == KeyFinding.State.PROBLEM) {
                fixable += finding.fixable() ? 1 : 0;
                byHand += finding.fixable() ? 0 : 1;
            } else if (finding.state() == KeyFinding.State.UNCHECKED) {
                console.error("warning: " + label + " " + finding.subject() + " " + finding.detail());
            }
        }
        if (fixable + byHand == 0) {
            return ExitCodes.OK;
        }
        String byHandFix = "remove the broad grants from the key policy by hand ('aws kms put-key-policy')";
        Hint fixes = fixable == 0 ? Hint.text(byHandFix) : Hint.of("run {} to repair rotation, tags and missing Messer "
                + "statements" + (byHand > 0 ? ", and " + byHandFix : ""), Hint.aws("setup", rerun("--fix")));
        console.error("messer: " + context.hints().message("the master key " + keys.alias() + where + " has "
                + (fixable + byHand) + " problem(s)", fixes));
        return ExitCodes.FAILURE;
    }

    /** This run's flags that shape the key (tags, roles, --account, --require-mfa), after {@code first}. */
    String[] rerun(String first) {
        List<String> words = new ArrayList<>(List.of(first));
        tags.forEach(tag -> words.addAll(List.of("--tag", tag)));
        words.addAll(keyFlags.arguments());
        return words.toArray(String[]::new);
    }

    private Map<String, String> parseTags() {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String tag : tags) {
            int eq = tag.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--tag '" + tag + "' is not KEY=VALUE; write it as --tag team=payments");
            }
            parsed.put(tag.substring(0, eq), tag.substring(eq + 1));
        }
        return parsed;
    }
}
