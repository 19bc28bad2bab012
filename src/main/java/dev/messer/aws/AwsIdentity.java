package dev.messer.aws;

import dev.messer.error.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The caller as AWS sees it, for {@code login aws}, {@code logout aws} and {@code doctor aws}:
 * where the credentials come from, the caller ARN ({@code sts:GetCallerIdentity}), when the
 * session expires, and the cached role sessions.
 */
public final class AwsIdentity {

    /** What {@link #login} did. @param assumedRole the role now cached, if any */
    public record Login(String source, String callerArn, Optional<String> assumedRole, Optional<Instant> expiry) {
    }

    private static final Pattern DURATION = Pattern.compile("(\\d{1,5})([mh])");
    private final AwsClientFactory clients;

    AwsIdentity(AwsClientFactory clients) {
        this.clients = clients;
    }

    /** "role R (role_arn) with AWS profile dev (SSO, ...)": where the credentials in use come from. */
    public String source() {
        CredentialSource base = clients.base();
        return clients.roleSession().map(role -> "role " + role.role().arn() + " (role_arn) with " + base.description())
                .orElse(base.description());
    }

    /** The ARN AWS sees for the credentials in use (one STS call). */
    public String callerArn() {
        return clients.callerArn();
    }

    /** When the credentials in use expire; empty for long-term keys. Resolves them if needed. */
    public Optional<Instant> expiry() {
        return clients.credentials().resolveCredentials() instanceof AwsSessionCredentials session
                ? session.expirationTime() : Optional.empty();
    }

    /**
     * Assumes the role now, asking for the MFA code if one is needed, and caches the session: messer's
     * {@code role_arn}, else the role of the AWS profile. Without a role, only checks the credentials.
     */
    public Login login(Optional<Duration> duration) {
        OptionalInt seconds = duration.map(d -> OptionalInt.of((int) d.toSeconds())).orElse(OptionalInt.empty());
        Optional<RoleSession> role = clients.roleSession().or(() -> asRole(clients.base()));
        if (role.isEmpty() && duration.isPresent()) {
            throw new InvalidInputException("--duration applies to a role, and " + source()
                    + " assumes none; set role_arn, or drop --duration");
        }
        role.ifPresent(r -> r.assume(seconds.isPresent() ? seconds : r.role().durationSeconds()));
        return new Login(source(), callerArn(), role.map(r -> r.role().arn()), role.isPresent() ? expiry() : Optional.empty());
    }

    /** Deletes the cached sessions of this configuration's roles; returns how many files were deleted. */
    public int logout() {
        int deleted = 0;
        Optional<RoleSession> role = clients.roleSession();
        if (role.isPresent() && role.get().forget()) {
            deleted++;
        }
        for (AwsCredentialsProvider source = clients.base(); source != null; ) {
            Optional<RoleSession> chained = asRole(source);
            if (chained.isEmpty()) {
                break;
            }
            if (chained.get().forget()) {
                deleted++;
            }
            source = chained.get().base();
        }
        return deleted;
    }

    /** Deletes every cached session of this user; returns how many files there were. */
    public static int logoutAll(Map<String, String> env, Consumer<String> warnings) {
        AwsEnvironment aws = new AwsEnvironment(env);
        return new SessionCache(SessionCache.folder(aws), Clock.systemUTC(), warnings).deleteAll();
    }

    /** {@code 15m}, {@code 1h}, {@code 12h}: 15 minutes to 12 hours, as STS accepts. */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidInputException("--duration is '" + text + "'; write it as 15m, 1h or 12h");
        }
        long amount = Long.parseLong(m.group(1));
        Duration duration = m.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofMinutes(amount);
        if (duration.compareTo(Duration.ofMinutes(15)) < 0 || duration.compareTo(Duration.ofHours(12)) > 0) {
            throw new InvalidInputException("--duration is " + text + "; STS accepts 15m to 12h (within the role's maximum)");
        }
        return duration;
    }

    private static Optional<RoleSession> asRole(AwsCredentialsProvider source) {
        if (source instanceof CredentialSource described && described.provider() instanceof RoleSession role) {
            return Optional.of(role);
        }
        return source instanceof RoleSession role ? Optional.of(role) : Optional.empty();
    }
}
