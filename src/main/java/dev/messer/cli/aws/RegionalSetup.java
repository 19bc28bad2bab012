package dev.messer.cli.aws;

import dev.messer.app.AdminSession;
import dev.messer.aws.AwsClientFactory;
import dev.messer.aws.setup.MasterKeySetup;
import dev.messer.cli.CommandContext;
import dev.messer.cli.Console;
import dev.messer.cli.ExitCodes;
import dev.messer.config.Provider;
import dev.messer.config.Settings;
import dev.messer.error.Hint;
import dev.messer.error.MesserException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * {@code setup aws} for a profile with {@code regions}: checks by default and changes with
 * {@code --fix}. In each region, the buckets as one region's setup makes them and the master key
 * (created as {@code --create-key} does, or with {@code --multi-region-key} a multi-Region primary in
 * the home region and a replica in each other region); then the replication of the home secrets
 * bucket to every other region ({@link RegionalReplication}).
 */
final class RegionalSetup {

    private final SetupCommand command;
    private final CommandContext context;
    private final Settings settings;
    private final Map<String, String> extraTags;
    private final Console console;
    private final boolean change;
    private int problems;

    RegionalSetup(SetupCommand command, CommandContext context, Settings settings, Map<String, String> extraTags) {
        this.command = command;
        this.context = context;
        this.settings = settings;
        this.extraTags = extraTags;
        this.console = context.console();
        this.change = command.fix;
    }

    int run() {
        List<String> regions = settings.regions();
        Map<String, AdminSession> sessions = new LinkedHashMap<>();
        try {
            for (String region : regions) {
                Settings own = settings.forRegion(region);
                own.aws().secretsBucket().require(SetupCommand.HINT);
                own.aws().keysBucket().require(SetupCommand.HINT);
                own.aws().masterKey().require(SetupCommand.HINT);
                sessions.put(region, context.sessions(Provider.AWS).admin(own));
            }
            problems = 0;
            boolean broad = false;
            Map<String, KeyMetadata> keys = new LinkedHashMap<>();
            for (String region : regions) {
                AwsClientFactory clients = sessions.get(region).clients();
                Settings own = settings.forRegion(region);
                try {
                    int left = command.buckets(console, clients, own.aws(), region + " ", change);
                    broad |= left < 0;
                    problems += Math.max(left, 0);
                    key(region, own, clients, sessions, keys).ifPresent(key -> keys.put(region, key));
                } catch (MesserException e) {
                    console.error("messer: " + context.hints().message(e));
                    problems++;
                }
            }
            if (regions.size() > 1) {
                problems += new RegionalReplication(command, context, settings, sessions, keys).run();
            }
            if (broad) {
                console.error("messer: a bucket policy grants too much; "
                        + dev.messer.aws.setup.BucketHardening.BROAD_GRANTS_FIX);
            }
            if (problems > 0 && !change) {
                console.error("messer: " + context.hints().message(problems + " thing(s) in the regions differ from "
                        + "what messer wants", Hint.of("run {} to change them", Hint.aws("setup",
                        command.rerun("--fix")))));
            }
            return problems > 0 || broad ? ExitCodes.FAILURE : ExitCodes.OK;
        } finally {
            sessions.values().forEach(AdminSession::close);
        }
    }

    /** The region's key after creating it when missing and asked to, checked; empty while it is missing. */
    private Optional<KeyMetadata> key(String region, Settings own, AwsClientFactory clients,
                                      Map<String, AdminSession> sessions, Map<String, KeyMetadata> keys) {
        String label = region + " master key";
        MasterKeySetup setup = new MasterKeySetup(clients.kms(), own.aws().masterKey().value());
        Optional<KeyMetadata> key = setup.describe();
        KmsKeyPlan plan = new KmsKeyPlan(own, command.keyFlags, extraTags, console, clients);
        if (key.isEmpty() && !(change || command.createKey)) {
            console.data(label + ": KMS " + setup.alias() + " does not exist in " + region);
            problems++;
            return Optional.empty();
        }
        if (key.isPresent()) {
            if (command.checkKey(context, clients, setup, key.get(), plan.wanted(key.get().arn(), false), label,
                    " in " + region) != ExitCodes.OK) {
                problems++;
            }
            return key;
        }
        String home = settings.regions().get(0);
        MasterKeySetup.Wanted wanted = plan.wanted(null, true);
        String keyId;
        String what;
        if (command.multiRegionKey && !region.equals(home)) {
            KeyMetadata primary = keys.get(home);
            if (primary == null || !Boolean.TRUE.equals(primary.multiRegion())) {
                console.data(label + ": not created: the home region's key is " + (primary == null ? "missing"
                        : "a single-Region key, which cannot be replicated; give the regions keys of their own "
                        + "(leave out --multi-region-key)"));
                problems++;
                return Optional.empty();
            }
            keyId = setup.replicate(sessions.get(home).clients().kms(), primary.keyId(), region, wanted);
            what = "replica of " + primary.keyId() + " (policy and tags set and read back; rotation on the primary)";
        } else {
            boolean multi = command.multiRegionKey;
            keyId = setup.create(wanted, multi);
            what = multi ? "multi-Region primary, rotation on" : "symmetric, rotation on";
        }
        console.data(label + ": created " + setup.alias() + " -> key " + keyId + " (" + what + ", tags "
                + KmsKeyPlan.describe(wanted.tags()) + ", key policy " + KmsKeyPlan.sids(wanted.policy()) + ")");
        return setup.describe();
    }

    /** The regions other than the home region. */
    static List<String> others(Settings settings) {
        List<String> others = new ArrayList<>(settings.regions());
        others.remove(0);
        return others;
    }
}
