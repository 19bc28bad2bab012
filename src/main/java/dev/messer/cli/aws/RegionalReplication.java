package dev.messer.cli.aws;

import dev.messer.app.AdminSession;
import dev.messer.aws.AwsClientFactory;
import dev.messer.aws.policy.ReplicationRolePolicy;
import dev.messer.aws.setup.KeyFinding;
import dev.messer.aws.setup.ReplicationRole;
import dev.messer.aws.setup.SecretsReplication;
import dev.messer.aws.setup.WriteRefusal;
import dev.messer.cli.CommandContext;
import dev.messer.cli.Console;
import dev.messer.config.Settings;
import dev.messer.error.MesserException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;

/**
 * The replication part of {@code setup aws} for a profile with {@code regions}: the replication role
 * and the tier's inline policy on it, the tier's rules merged into the home secrets bucket's
 * replication configuration, and the write refusal of every other region's secrets bucket. Checks,
 * or with {@code --fix} changes; says what it found or did, one line each.
 */
final class RegionalReplication {

    private final SetupCommand command;
    private final CommandContext context;
    private final Settings settings;
    private final Map<String, AdminSession> sessions;
    private final Map<String, KeyMetadata> keys;
    private final Console console;

    RegionalReplication(SetupCommand command, CommandContext context, Settings settings,
                        Map<String, AdminSession> sessions, Map<String, KeyMetadata> keys) {
        this.command = command;
        this.context = context;
        this.settings = settings;
        this.sessions = sessions;
        this.keys = keys;
        this.console = context.console();
    }

    /** @return how many problems are left */
    int run() {
        List<String> regions = settings.regions();
        List<String> missing = regions.stream().filter(r -> !keys.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            console.data("replication: not checked while the master key is missing in " + String.join(", ", missing));
            return 0;
        }
        String home = regions.get(0);
        AwsClientFactory homeClients = sessions.get(home).clients();
        try {
            PolicyAccount account = PolicyAccount.resolve(settings.forRegion(home).aws(), command.keyFlags.account,
                    keys.get(home).arn(), console, () -> homeClients);
            Map<String, String> keyArns = new LinkedHashMap<>();
            keys.forEach((region, key) -> keyArns.put(region, key.arn()));
            ReplicationPlan plan = ReplicationPlan.of(settings, account.partition(), account.account(), keyArns);
            SecretsReplication replication = new SecretsReplication(homeClients.s3(), plan.homeBucket());
            Optional<ReplicationConfiguration> existing = replication.read();
            String role = replication.role(existing, Optional.ofNullable(command.replicationRole).map(plan::roleArn),
                    plan.roleArn(ReplicationRolePolicy.DEFAULT_ROLE));
            int problems = role(homeClients, plan, role);
            problems += rules(replication, plan, existing, role);
            for (String region : regions.subList(1, regions.size())) {
                problems += refusal(region, plan, role);
            }
            return problems;
        } catch (MesserException e) {
            console.error("messer: " + context.hints().message(e));
            return 1;
        }
    }

    private int role(AwsClientFactory clients, ReplicationPlan plan, String role) {
        int problems = 0;
        for (KeyFinding finding : new ReplicationRole(clients.iam()).check(role, ReplicationRolePolicy.trustPolicy(),
                plan.policyName(), plan.permissions(), command.fix)) {
            console.data(finding.subject() + ": " + finding.detail());
            problems += finding.state() == KeyFinding.State.PROBLEM ? 1 : 0;
        }
        return problems;
    }

    private int rules(SecretsReplication replication, ReplicationPlan plan, Optional<ReplicationConfiguration> existing,
                      String role) {
        String name = "replication of s3://" + plan.homeBucket() + ": ";
        if (command.fix) {
            List<String> changes = replication.apply(plan.rules(), existing, role, plan.destinations());
            console.data(name + (changes.isEmpty() ? "rules " + ruleIds(plan) + " as wanted" : String.join(", ",
                    changes)));
            return 0;
        }
        List<String> problems = new java.util.ArrayList<>(plan.rules().problems(existing, plan.destinations()));
        if (existing.isPresent() && !role.equals(existing.get().role())) {
            problems.add("runs under " + existing.get().role() + ", not " + role);
        } else if (existing.isEmpty()) {
            problems.add(0, "the bucket has no replication configuration");
        }
        console.data(name + (problems.isEmpty() ? "rules " + ruleIds(plan) + " as wanted, under " + role
                : String.join("; ", problems)));
        return problems.size();
    }

    private int refusal(String region, ReplicationPlan plan, String role) {
        String bucket = settings.forRegion(region).aws().secretsBucket().value();
        WriteRefusal refusal = new WriteRefusal(sessions.get(region).clients().s3(), plan.partition());
        String name = region + " secrets bucket s3://" + bucket + ": ";
        if (command.fix) {
            boolean changed = refusal.apply(bucket, role);
            console.data(name + (changed ? "now refuses" : "refuses") + " writes but the replication role's");
            return 0;
        }
        Optional<String> problem = refusal.problem(bucket, role);
        console.data(problem.map(p -> region + " " + p).orElse(name + "refuses writes but the replication role's"));
        return problem.isPresent() ? 1 : 0;
    }

    private static String ruleIds(ReplicationPlan plan) {
        return String.join(", ", plan.destinations().stream().map(d -> plan.rules().ruleId(d.region())).toList());
    }
}
