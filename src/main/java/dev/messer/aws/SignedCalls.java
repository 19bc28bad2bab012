package dev.messer.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.ClockSkew;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * One AWS service's calls made without its SDK client: each request signed with the SDK's SigV4
 * signer ({@link AwsV4HttpSigner}) under the factory's credentials, sent through the factory's HTTP
 * client, and retried by the SDK's own retry strategy of the profile ({@link ClientTuning}), one
 * strategy per service as each full client has its own. The whole call, retries included, is
 * bounded by {@code api_call_timeout} as the SDK bounds it (on the factory's {@link TimeoutTimer}), and every attempt is counted by
 * {@link ThrottledAnswers} as the clients' interceptor counts it. A failed answer becomes the
 * exception the service's client would throw ({@link Failure}), so callers translate both alike;
 * an answer that says this machine's clock is off moves the signing clock as the client's does.
 */
final class SignedCalls {

    /** The most of an error answer that is read. */
    private static final int MAX_ERROR_BYTES = 64 * 1024;
    private static final String USER_AGENT = "aws-sdk-java/" + VersionInfo.SDK_VERSION + " md/messer#signed-calls";

    /** What the service's client makes of an answer that is not 2xx. */
    interface Failure {
        AwsServiceException of(SdkHttpResponse response, byte[] body);
    }

    /** A 2xx answer, its content still to be read (and closed) by the caller. */
    record Answer(SdkHttpResponse response, InputStream content, Runnable abort) {
    }

    private final String signingName;
    private final boolean s3;
    private final String region;
    private final Supplier<SdkHttpClient> http;
    private final Supplier<AwsCredentialsProvider> credentials;
    private final RetryStrategy retries;
    private final Optional<Duration> apiCallTimeout;
    private final ThrottledAnswers throttled;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final Supplier<ScheduledExecutorService> timer;
    /** How far this machine's clock is ahead of the service's, once an answer said it is off. */
    private volatile Duration clockOffset = Duration.ZERO;

    /** @param signingName the service's SigV4 name ({@code s3}, {@code kms}); S3 signs paths as S3 does */
    SignedCalls(String signingName, String region, Supplier<SdkHttpClient> http,
                Supplier<AwsCredentialsProvider> credentials, ClientTuning tuning, ThrottledAnswers throttled,
                Supplier<ScheduledExecutorService> timer) {
        this.signingName = signingName;
        this.s3 = signingName.equals("s3");
        this.region = region;
        this.http = http;
        this.credentials = credentials;
        this.retries = tuning.retryStrategy();
        this.apiCallTimeout = tuning.apiCallTimeout();
        this.throttled = throttled;
        this.timer = timer;
    }

    /** Sends {@code request} (with {@code body}, or none when null) until it succeeds or the retries are spent. */
    Answer call(SdkHttpFullRequest request, byte[] body, Failure failure) {
        long start = System.nanoTime();
        AwsCredentialsIdentity identity = credentials.get().resolveCredentials();
        AcquireInitialTokenResponse initial = retries.acquireInitialToken(AcquireInitialTokenRequest.create(signingName));
        RetryToken token = initial.token();
        Duration delay = initial.delay();
        boolean throttledBefore = false;
        for (int attempt = 1; ; attempt++) {
            pause(delay, start);
            SdkException failed;
            try {
                Answer answer = attempt(sign(request, body, identity), body, start);
                int status = answer.response().statusCode();
                throttledBefore |= throttled.answered(status);
                if (answer.response().isSuccessful()) {
                    retries.recordSuccess(RecordSuccessRequest.create(token));
                    return answer;
                }
                failed = skewed(failure.of(answer.response(), errorBody(answer)), answer.response());
            } catch (IOException | UncheckedIOException e) {
                if (timedOut(start)) {
                    throw (SdkException) throttled.timedOut(timeout(e), throttledBefore);
                }
                failed = SdkClientException.builder().message("Unable to execute HTTP request: " + e.getMessage())
                        .cause(e).build();
            }
            try {
                RefreshRetryTokenResponse next = retries.refreshRetryToken(RefreshRetryTokenRequest.builder()
                        .token(token).failure(failed).build());
                token = next.token();
                delay = next.delay();
            } catch (TokenAcquisitionFailedException spent) {
                throttled.failed(failed);
                throw failed;
            }
            if (timedOut(start) || remaining(start).compareTo(delay) <= 0) {
                pause(remaining(start), start);
                throw (SdkException) throttled.timedOut(timeout(failed), throttledBefore);
            }
        }
    }

    /**
     * {@code e} as the client's pipeline builds it, with the clock offset the request was signed
     * with; when it says the clock is off, later attempts are signed at the service's time, as the
     * client's clock-skew adjustment does.
     */
    private AwsServiceException skewed(AwsServiceException e, SdkHttpResponse response) {
        AwsServiceException built = e.toBuilder().clockSkew(clockOffset).build();
        if (built.isClockSkewException()) {
            ClockSkew.getServerTime(response).ifPresent(server -> clockOffset = ClockSkew.getClockSkew(Instant.now(),
                    server));
        }
        return built;
    }

    private SdkHttpFullRequest sign(SdkHttpFullRequest request, byte[] body, AwsCredentialsIdentity identity) {
        SdkHttpFullRequest.Builder unsigned = request.toBuilder().putHeader("User-Agent", USER_AGENT);
        if (body != null) {
            unsigned.putHeader("Content-Length", Integer.toString(body.length));
        }
        return (SdkHttpFullRequest) signer.sign(r -> {
            r.identity(identity).request(unsigned.build())
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.offset(Clock.systemUTC(), clockOffset.negated()));
            if (body != null) {
                r.payload(() -> new ByteArrayInputStream(body));
            }
            if (s3) { // as the S3 client signs: paths as they are, the payload unsigned
                r.putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false);
            }
        }).request();
    }

    private Answer attempt(SdkHttpFullRequest signed, byte[] body, long start) throws IOException {
        HttpExecuteRequest.Builder execute = HttpExecuteRequest.builder().request(signed);
        if (body != null) {
            execute.contentStreamProvider(() -> new ByteArrayInputStream(body));
        }
        ExecutableHttpRequest request = http.get().prepareRequest(execute.build());
        ScheduledFuture<?> abort = apiCallTimeout.isPresent()
                ? timer.get().schedule(request::abort, remaining(start).toNanos(), TimeUnit.NANOSECONDS) : null;
        try {
            HttpExecuteResponse response = request.call();
            InputStream content = response.responseBody().map(InputStream.class::cast)
                    .orElseGet(InputStream::nullInputStream);
            Runnable abortRead = response.responseBody().<Runnable>map(b -> b::abort).orElse(() -> { });
            return new Answer(response.httpResponse(), content, abortRead);
        } finally {
            if (abort != null) {
                abort.cancel(false);
            }
        }
    }

    private static byte[] errorBody(Answer answer) throws IOException {
        try (InputStream content = answer.content()) {
            return content.readNBytes(MAX_ERROR_BYTES);
        }
    }

    private void pause(Duration delay, long start) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while waiting to retry", e);
        }
    }

    private boolean timedOut(long start) {
        return apiCallTimeout.isPresent() && remaining(start).compareTo(Duration.ZERO) <= 0;
    }

    private Duration remaining(long start) {
        return apiCallTimeout.map(limit -> limit.minusNanos(System.nanoTime() - start)).orElse(Duration.ofDays(1));
    }

    private ApiCallTimeoutException timeout(Throwable last) {
        ApiCallTimeoutException e = ApiCallTimeoutException.create(apiCallTimeout.orElseThrow().toMillis());
        e.addSuppressed(last);
        return e;
    }
}
