package dev.messer.aws;

import dev.messer.config.SettingKey;
import dev.messer.config.Settings;
import dev.messer.error.ConfigException;
import java.time.Duration;
import java.util.Locale;
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

    static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final int MAX_MAX_ATTEMPTS = 20;

    static ClientTuning from(Settings settings) {
        RetryMode mode = switch (settings.get(SettingKey.RETRY_MODE).trim().toLowerCase(Locale.ROOT)) {
            case "", "standard" -> RetryMode.STANDARD;
            case "adaptive" -> RetryMode.ADAPTIVE_V2;
            default -> throw new ConfigException("retry_mode is '" + settings.get(SettingKey.RETRY_MODE) + "' (from "
                    + settings.source(SettingKey.RETRY_MODE) + "); use standard or adaptive");
        };
        int attempts = settings.intSetting(SettingKey.MAX_ATTEMPTS).orElse(DEFAULT_MAX_ATTEMPTS);
        if (attempts < 1 || attempts > MAX_MAX_ATTEMPTS) {
            throw new ConfigException("max_attempts is " + attempts + " (from " + settings.source(SettingKey.MAX_ATTEMPTS)
                    + "); use 1 to " + MAX_MAX_ATTEMPTS);
        }
        return new ClientTuning(settings.seconds(SettingKey.CONNECT_TIMEOUT).orElse(Duration.ofSeconds(5)),
                settings.seconds(SettingKey.READ_TIMEOUT).orElse(Duration.ofSeconds(30)),
                settings.seconds(SettingKey.API_CALL_TIMEOUT), mode, attempts);
    }

    RetryStrategy retryStrategy() {
        return AwsRetryStrategy.forRetryMode(retryMode).toBuilder().maxAttempts(maxAttempts).build();
    }
}
