package dev.messer.aws;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the answers that say AWS is throttling this process: every attempt answered 503 (S3's
 * {@code SlowDown}, and any other "service unavailable") or 429, whether the SDK retries it or not,
 * and every call that ends in a throttling error the SDK recognises (KMS's
 * {@code ThrottlingException}, a 400, counted when its retries are spent). A bulk run watches the
 * count to keep fewer items in flight while it moves.
 */
final class ThrottledAnswers implements ExecutionInterceptor {

    private final AtomicLong count = new AtomicLong();

    long count() {
        return count.get();
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        int status = context.httpResponse().statusCode();
        if (status == 503 || status == 429) {
            count.incrementAndGet();
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (context.exception() instanceof SdkServiceException e && e.isThrottlingException()
                && e.statusCode() != 503 && e.statusCode() != 429) {
            count.incrementAndGet();
        }
    }
}
