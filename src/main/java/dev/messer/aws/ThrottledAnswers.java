package dev.messer.aws;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the answers that say AWS is throttling this process: every attempt answered 503 (S3's
 * {@code SlowDown}, and any other "service unavailable") or 429, whether the SDK retries it or not,
 * and every call that ends in a throttling error the SDK recognises (KMS's
 * {@code ThrottlingException}, a 400, counted when its retries are spent). A bulk run watches the
 * count to keep fewer items in flight while it moves. A call that ran out of time
 * ({@code api_call_timeout}) while AWS was throttling it is marked {@link WhileThrottled}, so that it
 * is reported as throttled, not as an endpoint that does not answer.
 */
final class ThrottledAnswers implements ExecutionInterceptor {

    /** Added to a timed-out call's exception, as a suppressed one, when AWS throttled one of its attempts. */
    static final class WhileThrottled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WhileThrottled() {
            super("throttled before the call's time ran out", null, false, false);
        }
    }

    private static final ExecutionAttribute<Boolean> THROTTLED = new ExecutionAttribute<>("messer.throttled");

    private final AtomicLong count = new AtomicLong();

    long count() {
        return count.get();
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (answered(context.httpResponse().statusCode())) {
            attributes.putAttribute(THROTTLED, Boolean.TRUE);
        }
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        return timedOut(context.exception(), Boolean.TRUE.equals(attributes.getAttribute(THROTTLED)));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        failed(context.exception());
    }

    /** Counts one attempt's answer; true when it said AWS is throttling (503 or 429). */
    boolean answered(int status) {
        if (status == 503 || status == 429) {
            count.incrementAndGet();
            return true;
        }
        return false;
    }

    /** Marks a call that ran out of time after one of its attempts was throttled; returns it. */
    Throwable timedOut(Throwable failure, boolean throttledBefore) {
        if ((failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException)
                && throttledBefore) {
            failure.addSuppressed(new WhileThrottled());
        }
        return failure;
    }

    /** Counts a call that ended in a throttling error other than a 503 or 429 (already counted per attempt). */
    void failed(Throwable failure) {
        if (failure instanceof SdkServiceException e && e.isThrottlingException()
                && e.statusCode() != 503 && e.statusCode() != 429) {
            count.incrementAndGet();
        }
    }
}
