package dev.messer.aws;

import dev.messer.error.MesserException;
import dev.messer.error.UnavailableException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Credentials with where they come from, for messages and {@code doctor aws}. A failure to get
 * them names the source and how to fix it, in one line; its cause keeps the provider's stack trace
 * for {@code --debug} but none of its messages ({@link RedactedCause}).
 */
final class CredentialSource implements AwsCredentialsProvider {

    private final String description;
    private final AwsCredentialsProvider provider;
    private final Supplier<String> identity;
    private final String fix;

    /**
     * @param description where the credentials come from: "AWS profile dev (SSO)"
     * @param identity    names these credentials for the session cache without asking AWS
     * @param fix         what to do when they cannot be had
     */
    CredentialSource(String description, AwsCredentialsProvider provider, Supplier<String> identity, String fix) {
        this.description = description;
        this.provider = provider;
        this.identity = identity;
        this.fix = fix;
    }

    /**
     * A source named by an AWS profile.
     *
     * @param identity the profile's name with the identity of the files that hold it
     */
    static CredentialSource ofProfile(String profile, String identity, String kind, AwsCredentialsProvider provider,
                                      String fix) {
        return new CredentialSource("AWS profile " + profile + " (" + kind + ")", provider, () -> identity, fix);
    }

    String description() {
        return description;
    }

    /**
     * {@code profile:NAME} with the config and credentials files that hold it, or a hash of the access
     * key id (resolving the credentials once).
     */
    String identity() {
        return identity.get();
    }

    AwsCredentialsProvider provider() {
        return provider;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return provider.resolveCredentials();
        } catch (MesserException e) {
            throw e;
        } catch (SdkException | IllegalStateException | UncheckedIOException e) {
            // the SDK's process provider reports a failing command as IllegalStateException
            MesserException carried = AwsErrors.carried(e);
            if (carried != null) {
                throw carried;
            }
            String reason = e instanceof SdkException sdk ? AwsErrors.serviceMessage(sdk) : AwsErrors.oneLine(e.getMessage());
            throw new UnavailableException("cannot get AWS credentials from " + description + " (" + reason + "); " + fix,
                    RedactedCause.of(e));
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
