package dev.messer.aws;

import dev.messer.aws.MfaTokenSource;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.MesserException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Temporary credentials of {@code role_arn}, obtained through STS with the caller's own credentials
 * on first use (not before: a command that never calls AWS never assumes the role) and renewed by
 * the SDK before they expire. With {@code mfa_serial} the token code is asked for at each
 * assumption.
 */
final class AssumedRoleCredentials implements AwsCredentialsProvider, SdkAutoCloseable {

    /** What to assume: the role and the optional parts of the request. */
    record Role(String arn, String sessionName, Optional<String> externalId, OptionalInt durationSeconds,
                Optional<String> mfaSerial) {
    }

    private final Role role;
    private final Supplier<StsClient> sts;
    private final MfaTokenSource mfa;
    private StsAssumeRoleCredentialsProvider provider;

    AssumedRoleCredentials(Role role, Supplier<StsClient> sts, MfaTokenSource mfa) {
        this.role = role;
        this.sts = sts;
        this.mfa = mfa;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return provider().resolveCredentials();
        } catch (MesserException e) {
            throw e;
        } catch (SdkException e) {
            throw translate(e);
        }
    }

    private synchronized StsAssumeRoleCredentialsProvider provider() {
        if (provider == null) {
            provider = StsAssumeRoleCredentialsProvider.builder()
                    .stsClient(sts.get())
                    .refreshRequest(this::request)
                    .asyncCredentialUpdateEnabled(false)
                    .build();
        }
        return provider;
    }

    private AssumeRoleRequest request() {
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(role.arn())
                .roleSessionName(role.sessionName());
        role.externalId().ifPresent(request::externalId);
        role.durationSeconds().ifPresent(request::durationSeconds);
        role.mfaSerial().ifPresent(serial -> request.serialNumber(serial).tokenCode(mfa.tokenFor(serial)));
        return request.build();
    }

    private MesserException translate(SdkException e) {
        String code = AwsErrors.errorCode(e);
        if (code.equals("AccessDenied") || code.equals("AccessDeniedException")) {
            String mfaHint = role.mfaSerial().map(serial -> "check the MFA code for " + serial + " and ").orElse("");
            return new AccessDeniedException("assuming role " + role.arn() + " was refused ("
                    + AwsErrors.serviceMessage(e) + "); " + mfaHint + "check that the role trusts these credentials"
                    + (role.externalId().isPresent() ? " with this external_id" : ""), e);
        }
        return AwsErrors.translate(e, "STS", "sts:AssumeRole", role.arn());
    }

    @Override
    public synchronized void close() {
        if (provider != null) {
            provider.close();
            provider = null;
        }
    }
}
