package dev.messer.aws;

import dev.messer.error.AccessDeniedException;
import dev.messer.error.MesserException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Temporary credentials of a role, assumed with STS on first use (a command that never calls AWS
 * never assumes it), kept in the {@link SessionCache} when there is one, and assumed again from
 * {@link SessionCache#REFRESH_MARGIN} before they expire. With {@code mfa_serial} the token code is
 * asked for at each assumption, so a cached session asks for it once.
 */
final class RoleSession implements AwsCredentialsProvider {

    private final AssumedRole role;
    private final CredentialSource base;
    private final Function<AwsCredentialsProvider, StsClient> sts;
    private final MfaTokenSource mfa;
    private final Optional<SessionCache> cache;
    private AwsSessionCredentials current;
    private String cacheName;

    RoleSession(AssumedRole role, CredentialSource base, Function<AwsCredentialsProvider, StsClient> sts,
                MfaTokenSource mfa, Optional<SessionCache> cache) {
        this.role = role;
        this.base = base;
        this.sts = sts;
        this.mfa = mfa;
        this.cache = cache;
    }

    AssumedRole role() {
        return role;
    }

    CredentialSource base() {
        return base;
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        if (current != null && fresh(current)) {
            return current;
        }
        Optional<AwsSessionCredentials> cached = cache.flatMap(c -> c.read(cacheName(), role.arn()));
        if (cached.isPresent()) {
            current = cached.get();
            return current;
        }
        return assume(role.durationSeconds());
    }

    /** Assumes the role now (asking for the MFA code if needed) and keeps the session. */
    synchronized AwsSessionCredentials assume(OptionalInt durationSeconds) {
        AwsSessionCredentials session;
        try {
            Credentials issued = sts.apply(base).assumeRole(request(durationSeconds)).credentials();
            session = AwsSessionCredentials.builder()
                    .accessKeyId(issued.accessKeyId())
                    .secretAccessKey(issued.secretAccessKey())
                    .sessionToken(issued.sessionToken())
                    .expirationTime(issued.expiration())
                    .providerName("messer role session")
                    .build();
        } catch (MesserException e) {
            throw e;
        } catch (SdkException e) {
            throw translate(e);
        }
        current = session;
        cache.ifPresent(c -> c.write(cacheName(), role.arn(), session));
        return session;
    }

    /** Forgets the session, here and in the cache; true if a cached one was deleted. */
    synchronized boolean forget() {
        current = null;
        return cache.map(c -> c.delete(cacheName())).orElse(false);
    }

    private boolean fresh(AwsSessionCredentials session) {
        Instant expiry = session.expirationTime().orElse(Instant.MAX);
        return Instant.now().plus(SessionCache.REFRESH_MARGIN).isBefore(expiry);
    }

    private String cacheName() {
        if (cacheName == null) {
            cacheName = SessionCache.key(base.identity(), role);
        }
        return cacheName;
    }

    private AssumeRoleRequest request(OptionalInt durationSeconds) {
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(role.arn())
                .roleSessionName(role.sessionName());
        role.externalId().ifPresent(request::externalId);
        durationSeconds.ifPresent(request::durationSeconds);
        role.mfaSerial().ifPresent(serial -> request.serialNumber(serial).tokenCode(mfa.tokenFor(serial)));
        return request.build();
    }

    private MesserException translate(SdkException e) {
        MesserException carried = AwsErrors.carried(e);
        if (carried != null) {
            return carried;
        }
        String code = AwsErrors.errorCode(e);
        if (code.equals("AccessDenied") || code.equals("AccessDeniedException")) {
            String mfaHint = role.mfaSerial().map(serial -> "check the MFA code for " + serial + " and ").orElse("");
            return new AccessDeniedException("assuming role " + role.arn() + " was refused ("
                    + AwsErrors.serviceMessage(e) + "); " + mfaHint + "check that the role trusts these credentials"
                    + (role.externalId().isPresent() ? " with this external_id" : ""), e);
        }
        if (code.equals("ValidationError") && AwsErrors.serviceMessage(e).contains("DurationSeconds")) {
            return new AccessDeniedException("assuming role " + role.arn() + " was refused ("
                    + AwsErrors.serviceMessage(e) + "); ask for a shorter duration, within the role's maximum", e);
        }
        return AwsErrors.translate(e, "STS", "sts:AssumeRole", role.arn());
    }
}
