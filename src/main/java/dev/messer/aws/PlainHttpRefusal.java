package dev.messer.aws;

import dev.messer.error.AccessDeniedException;
import dev.messer.error.Hint;
import java.net.URI;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * On an S3 client that talks plain HTTP, turns a 403 into an error that names the likely cause: a
 * bucket policy statement denying requests without TLS, such as the one {@code messer setup aws}
 * adds over HTTPS ({@code MesserDenyInsecureTransport}). Without it the user sees a bare "access
 * denied" and looks for the fault in IAM.
 */
public final class PlainHttpRefusal implements ExecutionInterceptor {

    public static final String TLS_STATEMENT_SID = "MesserDenyInsecureTransport";

    private final URI endpoint;

    PlainHttpRefusal(URI endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (!(context.exception() instanceof AwsServiceException e)) {
            return context.exception();
        }
        return named(e, attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                context.request().getValueForField("Bucket", String.class).orElse("?"),
                context.request().getValueForField("Key", String.class).orElse(null));
    }

    /**
     * {@code e} with the refusal named as its cause when it is a 403 that did not reject the
     * credentials; otherwise {@code e} as it is.
     *
     * @param objectKey the object's key, or null for a call about the bucket
     */
    AwsServiceException named(AwsServiceException e, String operation, String bucket, String objectKey) {
        if (e.statusCode() != 403 || AwsErrors.rejectsCredentials(AwsErrors.errorCode(e))) {
            return e;
        }
        String key = objectKey == null ? "" : "/" + objectKey;
        String action = "s3:" + (operation.equals("ListObjectsV2") ? "ListBucket" : operation);
        AccessDeniedException named = new AccessDeniedException("access denied: " + action + " on s3://" + bucket + key
                + " was refused over the plain-HTTP endpoint " + endpoint, Hint.of("a bucket policy statement that "
                + "denies requests without TLS ({}, added by {} over HTTPS) refuses every such request, so use an "
                + "https:// endpoint or remove that statement; otherwise grant {} to the caller (see docs/aws.md)",
                TLS_STATEMENT_SID, Hint.aws("setup"), action), e);
        return e.toBuilder().cause(named).build();
    }
}
