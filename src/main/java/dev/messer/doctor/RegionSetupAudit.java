package dev.messer.doctor;

import dev.messer.app.AdminSession;
import dev.messer.app.Sessions;
import dev.messer.aws.AwsClientFactory;
import dev.messer.aws.setup.MasterKeySetup;
import dev.messer.aws.setup.ReplicationRules;
import dev.messer.aws.setup.SecretsReplication;
import dev.messer.aws.setup.WriteRefusal;
import dev.messer.config.Settings;
import dev.messer.error.Hint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;

/**
 * The set-up checks of {@code doctor aws} for a profile with {@code regions}, per region: the KMS key
 * behind the alias (single-Region, primary or replica) and its state, versioning of both buckets;
 * then the tier's replication rules on the home secrets bucket, and whether every other region's
 * secrets bucket refuses writes but the replication role's. What {@code setup aws --fix} repairs.
 */
public final class RegionSetupAudit {

    private static final Hint FIX = Hint.of("run {} with admin credentials", Hint.aws("setup", "--fix"));

    private RegionSetupAudit() {
    }

    /** The settings of the home region of a profile with {@code regions} (its buckets named), else as they are. */
    static Settings home(Settings settings) {
        return settings.regions().isEmpty() ? settings : settings.forRegion(settings.regions().get(0));
    }

    /** Adds the checks when the profile has {@code regions}; each needs {@code needs} to have passed. */
    public static void check(Checklist list, Settings settings, Sessions sessions, String needs) {
        List<String> regions = settings.regions();
        if (regions.isEmpty()) {
            return;
        }
        Map<String, AdminSession> admins = new LinkedHashMap<>();
        Map<String, KeyMetadata> keys = new LinkedHashMap<>();
        try {
            for (String region : regions) {
                Settings own = settings.forRegion(region);
                AdminSession admin = sessions.admin(own);
                admins.put(region, admin);
                AwsClientFactory clients = admin.clients();
                list.check(region + " master key", () -> key(clients, own, region, keys), needs);
                list.check(region + " versioning", () -> versioning(clients, own), needs);
            }
            String home = regions.get(0);
            List<String> others = regions.subList(1, regions.size());
            if (others.isEmpty()) {
                return;
            }
            String[] role = new String[1];
            List<String> keyChecks = regions.stream().map(r -> r + " master key").toList();
            list.check("replication rules", () -> rules(settings, admins.get(home).clients(), keys, role),
                    keyChecks.toArray(String[]::new));
            for (String region : others) {
                list.check(region + " write refusal", () -> refusal(settings.forRegion(region),
                        admins.get(region).clients(), keys.get(home), role[0]), "replication rules");
            }
        } finally {
            admins.values().forEach(AdminSession::close);
        }
    }

    private static String key(AwsClientFactory clients, Settings own, String region, Map<String, KeyMetadata> keys) {
        MasterKeySetup setup = new MasterKeySetup(clients.kms(), own.aws().masterKey().value());
        KeyMetadata key = setup.require(Hint.of("create it with {}", Hint.aws("setup", "--fix")));
        var multi = key.multiRegionConfiguration();
        String kind = multi == null || multi.multiRegionKeyType() == null ? "single-Region key"
                : "multi-Region " + multi.multiRegionKeyTypeAsString().toLowerCase(java.util.Locale.ROOT) + " key";
        if (key.keyState() != KeyState.ENABLED) {
            throw new Checklist.Failure(setup.alias() + " in " + region + " is the " + kind + " " + key.keyId()
                    + ", which is " + key.keyStateAsString(), Hint.text("enable it ('aws kms enable-key' or "
                    + "'aws kms cancel-key-deletion'), or point the alias at an enabled key"));
        }
        keys.put(region, key);
        return setup.alias() + " -> " + kind + " " + key.keyId() + " (enabled)";
    }

    private static String versioning(AwsClientFactory clients, Settings own) {
        List<String> off = new ArrayList<>();
        for (String bucket : List.of(own.aws().secretsBucket().value(), own.aws().keysBucket().value())) {
            if (clients.s3().getBucketVersioning(r -> r.bucket(bucket)).status() != BucketVersioningStatus.ENABLED) {
                off.add("s3://" + bucket);
            }
        }
        if (!off.isEmpty()) {
            throw new Checklist.Failure("versioning is not enabled on " + String.join(", ", off), FIX);
        }
        return "enabled on both buckets";
    }

    private static String rules(Settings settings, AwsClientFactory home, Map<String, KeyMetadata> keys,
                                String[] role) {
        List<String> regions = settings.regions();
        String partition = keys.get(regions.get(0)).arn().split(":", 3)[1];
        ReplicationRules rules = new ReplicationRules(partition, settings.common().tier());
        List<ReplicationRules.Destination> destinations = new ArrayList<>();
        for (String region : regions.subList(1, regions.size())) {
            destinations.add(new ReplicationRules.Destination(region,
                    settings.forRegion(region).aws().secretsBucket().value(), keys.get(region).arn()));
        }
        String bucket = settings.forRegion(regions.get(0)).aws().secretsBucket().value();
        Optional<ReplicationConfiguration> config = new SecretsReplication(home.s3(), bucket).read();
        if (config.isEmpty()) {
            throw new Checklist.Failure("s3://" + bucket + " has no replication configuration", FIX);
        }
        List<String> problems = rules.problems(config, destinations);
        if (!problems.isEmpty()) {
            throw new Checklist.Failure("s3://" + bucket + ": " + String.join("; ", problems), FIX);
        }
        role[0] = config.get().role();
        return "s3://" + bucket + ": " + String.join(", ", destinations.stream().map(d -> rules.ruleId(d.region()))
                .toList()) + " under " + role[0];
    }

    private static String refusal(Settings own, AwsClientFactory clients, KeyMetadata homeKey, String role) {
        String bucket = own.aws().secretsBucket().value();
        Optional<String> problem = new WriteRefusal(clients.s3(), homeKey.arn().split(":", 3)[1]).problem(bucket, role);
        if (problem.isPresent()) {
            throw new Checklist.Failure(problem.get(), FIX);
        }
        return "s3://" + bucket + " refuses writes but by " + role;
    }
}
