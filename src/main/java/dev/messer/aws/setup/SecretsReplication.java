package dev.messer.aws.setup;

import dev.messer.aws.AwsErrors;
import dev.messer.error.ConfigException;
import dev.messer.error.Hint;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The replication configuration of the home region's secrets bucket: reads it, says what differs
 * from this tier's wanted rules ({@link ReplicationRules}), and puts the merged configuration. The
 * bucket has one role for every rule: a configuration under another role is refused, never replaced.
 */
public final class SecretsReplication {

    private final S3Client s3;
    private final String bucket;

    public SecretsReplication(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The stored configuration, or empty when the bucket has none. */
    public Optional<ReplicationConfiguration> read() {
        try {
            return Optional.of(s3.getBucketReplication(r -> r.bucket(bucket)).replicationConfiguration());
        } catch (S3Exception e) {
            if ("ReplicationConfigurationNotFoundError".equals(AwsErrors.errorCode(e))) {
                return Optional.empty();
            }
            throw AwsErrors.translate(e, "S3", "s3:GetReplicationConfiguration", "s3://" + bucket);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "S3", "s3:GetReplicationConfiguration", "s3://" + bucket);
        }
    }

    /**
     * The role the rules run under: the one already configured when there is one, and it must be
     * {@code wanted} when that was named.
     *
     * @param wanted the role named by the caller, or empty to take the configured one
     * @param fallback the role to use when none is configured and none was named
     * @throws ConfigException when the bucket replicates under another role than the one named
     */
    public String role(Optional<ReplicationConfiguration> existing, Optional<String> wanted, String fallback) {
        Optional<String> configured = existing.map(ReplicationConfiguration::role).filter(r -> !r.isEmpty());
        if (configured.isPresent() && wanted.isPresent() && !configured.get().equals(wanted.get())) {
            throw new ConfigException("s3://" + bucket + " replicates under role " + configured.get() + ", not "
                    + wanted.get() + "; its rules share one role, so name that one",
                    Hint.of("run {}", Hint.aws("setup", "--fix", "--replication-role", configured.get())));
        }
        return configured.orElse(wanted.orElse(fallback));
    }

    /**
     * Puts the merged configuration when this tier's rules or the role differ.
     *
     * @return what changed, empty when nothing did
     */
    public List<String> apply(ReplicationRules rules, Optional<ReplicationConfiguration> existing, String role,
                              List<ReplicationRules.Destination> destinations) {
        boolean sameRole = existing.map(c -> role.equals(c.role())).orElse(false);
        List<String> problems = rules.problems(existing, destinations);
        if (sameRole && problems.isEmpty()) {
            return List.of();
        }
        ReplicationConfiguration merged = rules.merged(existing, role, destinations);
        try {
            s3.putBucketReplication(r -> r.bucket(bucket).replicationConfiguration(merged));
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "S3", "s3:PutReplicationConfiguration", "s3://" + bucket);
        }
        return List.of("replication rules " + String.join(", ", destinations.stream()
                .map(d -> rules.ruleId(d.region())).toList()) + " set under " + role
                + " (" + (merged.rules().size() - destinations.size()) + " other rule(s) kept)");
    }
}
