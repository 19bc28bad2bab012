package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.google.gson.GsonBuilder;
import dev.messer.aws.policy.IamPolicy;
import dev.messer.aws.policy.PolicyRole;
import dev.messer.aws.policy.PolicyTarget;
import dev.messer.config.Provider;
import dev.messer.config.SettingKey;
import dev.messer.config.Settings;
import dev.messer.databag.SecretsLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code messer policy aws --role admin|writer|reader [--key-arn ARN]}: prints a least-privilege IAM
 * policy for the profile's buckets, tier prefix and master key. Makes no AWS call.
 */
final class PolicyCommand extends CommandBase {

    static final String GRAMMAR = "messer policy aws --role admin|writer|reader [--key-arn ARN]";

    @Parameter(description = "aws")
    List<String> words = new ArrayList<>();

    @Parameter(names = "--role", description = "Who the policy is for (required): admin|writer|reader")
    String role;

    @Parameter(names = "--key-arn", description = "ARN of the master key, to name it instead of matching its alias")
    String keyArn;

    @Override
    public int run(CommandContext context) {
        Positionals.require(words, 1, 1, GRAMMAR);
        if (CommandContext.provider(words.get(0)) != Provider.AWS) {
            throw new UsageException("IAM policies are for the aws provider; usage: " + GRAMMAR);
        }
        if (role == null) {
            throw new UsageException("missing option --role admin|writer|reader; usage: " + GRAMMAR);
        }
        PolicyRole policyRole = PolicyRole.fromWord(role).orElseThrow(() -> new UsageException("'" + role
                + "' is not a role; use admin, writer or reader"));
        Settings settings = context.settings(Provider.AWS, Map.of());
        context.console().data(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(IamPolicy.of(policyRole, target(settings))));
        return ExitCodes.OK;
    }

    private PolicyTarget target(Settings settings) {
        String roleArn = settings.get(SettingKey.ROLE_ARN);
        String[] arn = roleArn.split(":", -1);
        boolean arnParts = arn.length >= 5 && arn[0].equals("arn");
        String partition = arnParts && !arn[1].isEmpty() ? arn[1] : "aws";
        String account = arnParts && !arn[4].isEmpty() ? arn[4] : "*";
        String region = settings.optional(SettingKey.REGION).orElse("*");
        String hint = "set it with 'messer configure aws'";
        String secrets = settings.require(SettingKey.SECRETS_BUCKET, hint);
        String keys = settings.require(SettingKey.KEYS_BUCKET, hint);
        String masterKey = settings.require(SettingKey.MASTER_KEY, hint);
        if (keyArn != null && !keyArn.startsWith("arn:")) {
            throw new UsageException("--key-arn '" + keyArn + "' is not an ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)");
        }
        String prefix = new SecretsLayout(settings.tier(), settings.get(SettingKey.SECRETS_FOLDER)).bagsPrefix();
        return new PolicyTarget(partition, region, account, secrets, prefix, keys,
                masterKey.startsWith("alias/") ? masterKey : "alias/" + masterKey, keyArn,
                settings.optional(SettingKey.SSE_KMS_KEY_ID).orElse(null));
    }
}
