package dev.messer.aws;

import dev.messer.error.AccessDeniedException;
import dev.messer.error.ConfigException;
import dev.messer.error.MesserException;
import dev.messer.error.ThrottledException;
import dev.messer.error.UnavailableException;
import dev.messer.error.UnreachableException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the failures every AWS call can meet into the tool's one-line errors: rejected or missing
 * credentials, access denied, throttling and server errors that outlasted the retries, and an
 * endpoint that cannot be reached. Service-specific codes (a missing bucket, a disabled key) are
 * handled by the store and the master key before they fall back to this.
 */
public final class AwsErrors {

    private static final Set<String> REJECTED_CREDENTIALS = Set.of(
            "ExpiredToken", "ExpiredTokenException", "RequestExpired", "InvalidAccessKeyId",
            "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "InvalidToken",
            "IncompleteSignature", "InvalidSignatureException", "TokenRefreshRequired");

    private AwsErrors() {
    }

    /**
     * @param service  "S3", "KMS" or "STS", for the message
     * @param action   the IAM action that failed, such as {@code s3:PutObject}
     * @param resource what it was done to, such as {@code s3://bucket/key}
     */
    public static MesserException translate(SdkException e, String service, String action, String resource) {
        return translate(e, service, Optional.empty(), action, resource);
    }

    /** @param endpoint where the service was called, for a message that says it could not be reached */
    public static MesserException translate(SdkException e, String service, Optional<String> endpoint, String action,
                                            String resource) {
        MesserException ours = carried(e);
        if (ours != null) {
            return ours;
        }
        if (e instanceof AwsServiceException service4xx5xx) {
            return fromService(service4xx5xx, service, action, resource);
        }
        String where = service + endpoint.map(url -> " at " + url).orElse("");
        boolean timedOut = e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException;
        if (timedOut && Arrays.stream(e.getSuppressed()).anyMatch(ThrottledAnswers.WhileThrottled.class::isInstance)) {
            return new ThrottledException(service + " kept throttling " + action + " on " + resource
                    + " until the call's time ran out (api_call_timeout); wait a moment and run the command again", e);
        }
        if (timedOut) {
            return new UnreachableException(where, where + " did not answer " + action + " on " + resource
                    + " in time (" + oneLine(e.getMessage()) + "); check the network, or raise api_call_timeout", e);
        }
        if (e instanceof SdkClientException) {
            return fromClient(e, where, action, resource);
        }
        return new UnavailableException(service + " " + action + " on " + resource + " failed: "
                + oneLine(e.getMessage()), e);
    }

    /** Whether the code says the credentials themselves were rejected (expired, unknown, badly signed). */
    public static boolean rejectsCredentials(String code) {
        return REJECTED_CREDENTIALS.contains(code);
    }

    /** The AWS error code of a service exception, or "" for client-side failures. */
    public static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                && ase.awsErrorDetails().errorCode() != null) {
            return ase.awsErrorDetails().errorCode();
        }
        return "";
    }

    /** The first line of the service's own message, for the user. */
    public static String serviceMessage(SdkException e) {
        if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                && ase.awsErrorDetails().errorMessage() != null) {
            return oneLine(ase.awsErrorDetails().errorMessage());
        }
        return oneLine(e.getMessage());
    }

    private static MesserException fromService(AwsServiceException e, String service, String action, String resource) {
        String code = errorCode(e);
        int status = e.statusCode();
        String detail = code.isEmpty() ? "HTTP " + status : code;
        if (e.isThrottlingException()) {
            return new ThrottledException(service + " kept throttling " + action + " on " + resource
                    + " after the retries (" + detail + "); wait a moment and run the command again", e);
        }
        if (REJECTED_CREDENTIALS.contains(code)) {
            return new AccessDeniedException("AWS rejected the credentials for " + action + " on " + resource + " ("
                    + code + "); renew them (a new session or SSO login) or check aws_profile, AWS_PROFILE and "
                    + "AWS_ACCESS_KEY_ID", e);
        }
        if (status == 403 || code.equals("AccessDenied") || code.equals("AccessDeniedException")) {
            return new AccessDeniedException("access denied: " + action + " on " + resource
                    + " was refused for these credentials; grant " + action + " to the caller (see docs/aws.md)", e);
        }
        if (status >= 500) {
            return new UnavailableException(service + " failed " + action + " on " + resource + " after the retries ("
                    + detail + ", HTTP " + status + "); run the command again later", e);
        }
        String message = serviceMessage(e);
        return new UnavailableException(service + " refused " + action + " on " + resource + " (" + detail
                + (message.isEmpty() ? "" : ": " + message) + ")", e);
    }

    private static MesserException fromClient(SdkException e, String where, String action, String resource) {
        String service = where.split(" ", 2)[0];
        String message = oneLine(e.getMessage());
        if (message.contains("Unable to load credentials") || message.contains("Profile file contained no credentials")
                || message.contains("does not have any credentials")) {
            return new ConfigException("no AWS credentials found for " + action + " on " + resource
                    + "; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or aws_profile (or AWS_PROFILE) naming a "
                    + "profile with credentials", e);
        }
        Throwable io = cause(e, IOException.class);
        if (io != null) {
            return new UnreachableException(where, "cannot reach " + where + " for " + action + " on " + resource + " ("
                    + io.getClass().getSimpleName() + ": " + oneLine(io.getMessage())
                    + "); check region, endpoint_url and the network", e);
        }
        return new UnavailableException(service + " " + action + " on " + resource + " failed: " + message, e);
    }

    /** A failure of ours raised inside the SDK (the role assumption) travels wrapped: unwrap it. */
    static MesserException carried(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MesserException m) {
                return m;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip();
        int newline = line.indexOf('\n');
        if (newline >= 0) {
            line = line.substring(0, newline).strip();
        }
        int serviceSuffix = line.indexOf(" (Service: ");
        if (serviceSuffix > 0) {
            line = line.substring(0, serviceSuffix);
        }
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
