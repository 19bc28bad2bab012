package dev.messer.aws;

import dev.messer.config.AwsSettings;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Timeouts and retries of every AWS client, from the settings: {@code connect_timeout} and
 * {@code read_timeout} (seconds, default 5 and 30), {@code api_call_timeout} (the whole call,
 * retries included; none by default), {@code retry_mode} ({@code standard}, the default, or
 * {@code adaptive}, which also slows the client down while AWS throttles) and
 * {@code max_attempts} (first try included; default 3).
 */
record ClientTuning(Duration connectTimeout, Duration readTimeout, Optional<Duration> apiCallTimeout,
                    RetryMode retryMode, int maxAttempts) {

    static ClientTuning from(AwsSettings settings) {
        RetryMode mode = switch (settings.retryMode()) {
            case STANDARD -> RetryMode.STANDARD;
            case ADAPTIVE -> RetryMode.ADAPTIVE_V2;
        };
        return new ClientTuning(settings.connectTimeout(), settings.readTimeout(), settings.apiCallTimeout(), mode,
                settings.maxAttempts());
    }

    RetryStrategy retryStrategy() {
        return AwsRetryStrategy.forRetryMode(retryMode).toBuilder().maxAttempts(maxAttempts).build();
    }
}
