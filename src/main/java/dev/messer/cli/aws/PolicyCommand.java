package dev.messer.cli.aws;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.messer.app.AdminSession;
import dev.messer.aws.policy.ContextConditions;
import dev.messer.aws.policy.IamPolicy;
import dev.messer.aws.policy.KeyPolicy;
import dev.messer.aws.policy.PolicyRole;
import dev.messer.aws.policy.PolicyTarget;
import dev.messer.aws.policy.RegionalPolicies;
import dev.messer.cli.CommandBase;
import dev.messer.cli.CommandContext;
import dev.messer.cli.ExitCodes;
import dev.messer.cli.Grammar;
import dev.messer.cli.UsageException;
import dev.messer.config.Provider;
import dev.messer.config.AwsSettings;
import dev.messer.config.Settings;
import dev.messer.config.Sourced;
import dev.messer.databag.SecretsLayout;
import dev.messer.error.Hint;
import java.util.List;

/**
 * {@code messer policy aws --role admin|writer|reader [--key-arn ARN]}: prints a least-privilege IAM
 * policy for the profile's buckets, tier prefix and master key. {@code messer policy aws --key-policy
 * [role flags]}: prints the KMS key policy of the profile's master key. Makes one STS call when the
 * account is not known from the flags or settings.
 */
public final class PolicyCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.awsOnly(Hint.text("local has no IAM or key policies"))
            .options("--role admin|writer|reader [--key-arn ARN] [--account ID] | --key-policy [--key-admin-role ARN]... "
            + "[--admin-role ARN]... [--writer-role ARN]... [--reader-role ARN]... [--account ID] [--require-mfa] "
            + "| --replication-policy [--replication-role NAME|ARN] [--account ID]");

    private static final Hint HINT = Hint.of("set it with {}", Hint.aws("configure"));


    @Parameter(names = "--role", description = "Who the IAM policy is for: admin|writer|reader")
    String role;

    @Parameter(names = "--key-policy", description = "Print the KMS key policy of the master key instead")
    boolean keyPolicy;

    @Parameter(names = "--key-arn", description = "ARN of the master key, to name it instead of matching its alias")
    String keyArn;

    @Parameter(names = "--replication-policy", description = "With regions: print the replication role of the secrets "
            + "bucket, its trust policy and this tier's inline policy")
    boolean replicationPolicy;

    @Parameter(names = "--replication-role", description = "The replication role's name or ARN (default "
            + "messer-replication)")
    String replicationRole;

    @ParametersDelegate
    KeyPolicyFlags keyFlags = new KeyPolicyFlags();

    public PolicyCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        if (replicationPolicy) {
            if (role != null || keyPolicy || keyArn != null) {
                throw UsageException.withUsage("give --replication-policy alone, without --role, --key-policy or "
                        + "--key-arn");
            }
            return ReplicationPolicyPrint.run(context, keyFlags.account, replicationRole);
        }
        if (role == null && !keyPolicy) {
            throw UsageException.withUsage("missing option --role admin|writer|reader (or --key-policy)");
        }
        if (role != null && keyPolicy) {
            throw UsageException.withUsage("give either --role admin|writer|reader or --key-policy, not both");
        }
        if (keyArn != null && !keyArn.startsWith("arn:")) {
            throw new UsageException("--key-arn '" + keyArn + "' is not an ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)");
        }
        PolicyRole policyRole = role == null ? null : PolicyRole.fromWord(role).orElseThrow(() -> new UsageException("'"
                + role + "' is not a role; use admin, writer or reader"));
        if (policyRole != null && keyFlags.anyGiven()) {
            throw new UsageException("--key-admin-role, --admin-role, --writer-role, --reader-role and --require-mfa "
                    + "are for --key-policy");
        }
        Settings settings = context.settings(Provider.AWS).validate();
        ContextConditions conditions = ContextConditions.forProfile(settings.common());
        AwsSettings aws = settings.aws();
        if (policyRole != null) {
            requireTargetSettings(aws);
        }
        if (keyArn != null && !settings.regions().isEmpty()) {
            throw new UsageException("--key-arn names one key, and the profile has a key in each of its regions; "
                    + "leave it out");
        }
        JsonObject policy;
        try (AdminSession session = context.sessions(Provider.AWS).admin(settings)) {
            PolicyAccount account = PolicyAccount.resolve(aws, keyFlags.account, keyArn, context.console(),
                    session::clients);
            policy = keyPolicy
                    ? KeyPolicy.of(account.partition(), account.account(), keyFlags.roles(), conditions,
                            keyFlags.requireMfa)
                    : settings.regions().isEmpty() ? IamPolicy.of(policyRole, target(settings, account, conditions))
                    : RegionalPolicies.of(policyRole, settings.regions().stream().map(region -> target(
                            settings.forRegion(region), account, conditions)).toList());
        }
        if (keyPolicy) {
            keyFlags.explainMfa(context.console());
        }
        if (conditions.ifExists() && !conditions.isEmpty()) {
            context.console().info("note: the kms:EncryptionContext conditions use StringEqualsIfExists because this "
                    + "profile still reads key versions without a context (min_item_format = 1)");
        }
        context.console().data(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(policy));
        return ExitCodes.OK;
    }

    /** A missing bucket or key setting is reported before any AWS call. */
    private static void requireTargetSettings(AwsSettings aws) {
        for (Sourced<String> setting : List.of(aws.secretsBucket(), aws.keysBucket(), aws.masterKey())) {
            setting.require(HINT);
        }
    }

    private PolicyTarget target(Settings settings, PolicyAccount account, ContextConditions conditions) {
        AwsSettings aws = settings.aws();
        String region = aws.region().orElse("*");
        String secrets = aws.secretsBucket().require(HINT);
        String keys = aws.keysBucket().require(HINT);
        String masterKey = aws.masterKey().require(HINT);
        String prefix = new SecretsLayout(settings.common().tier(), settings.common().secretsFolder()).bagsPrefix();
        return new PolicyTarget(account.partition(), region, account.account(), secrets, prefix, keys,
                masterKey.startsWith("alias/") ? masterKey : "alias/" + masterKey, keyArn,
                aws.sseKmsKeyId().orElse(null), conditions);
    }
}
