package dev.messer.cli.aws;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.messer.app.AdminSession;
import dev.messer.aws.policy.ReplicationRolePolicy;
import dev.messer.aws.setup.MasterKeySetup;
import dev.messer.aws.setup.ReplicationRole;
import dev.messer.cli.CommandContext;
import dev.messer.cli.ExitCodes;
import dev.messer.cli.UsageException;
import dev.messer.config.Provider;
import dev.messer.config.Settings;
import dev.messer.error.Hint;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code policy aws --replication-policy}: the replication role of a profile with {@code regions}
 * as {@code setup aws --fix} applies it: its name and ARN, its trust policy and the tier's inline
 * policy, which names each region's KMS key by ARN (one {@code kms:DescribeKey} per region).
 */
final class ReplicationPolicyPrint {

    private ReplicationPolicyPrint() {
    }

    static int run(CommandContext context, String accountFlag, String roleName) {
        Settings settings = context.settings(Provider.AWS).validate();
        if (settings.regions().size() < 2) {
            throw new UsageException("--replication-policy is for a profile with two or more regions (docs/aws.md, "
                    + "\"Several regions\")");
        }
        Map<String, String> keyArns = new LinkedHashMap<>();
        PolicyAccount account = null;
        for (String region : settings.regions()) {
            Settings own = settings.forRegion(region);
            try (AdminSession session = context.sessions(Provider.AWS).admin(own)) {
                String arn = new MasterKeySetup(session.clients().kms(), own.aws().masterKey().require(SetupCommand.HINT))
                        .require(Hint.of("create it with {}", Hint.aws("setup", "--fix"))).arn();
                keyArns.put(region, arn);
                if (account == null) {
                    account = PolicyAccount.resolve(own.aws(), accountFlag, arn, context.console(), session::clients);
                }
            }
        }
        ReplicationPlan plan = ReplicationPlan.of(settings, account.partition(), account.account(), keyArns);
        String roleArn = plan.roleArn(roleName == null ? ReplicationRolePolicy.DEFAULT_ROLE : roleName);
        JsonObject out = new JsonObject();
        out.addProperty("RoleName", ReplicationRole.name(roleArn));
        out.addProperty("RoleArn", roleArn);
        out.add("AssumeRolePolicyDocument", ReplicationRolePolicy.trustPolicy());
        out.addProperty("PolicyName", plan.policyName());
        out.add("PolicyDocument", plan.permissions());
        context.console().data(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(out));
        return ExitCodes.OK;
    }
}
