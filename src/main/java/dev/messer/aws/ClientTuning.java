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
 * retries included; 10 by default), {@code retry_mode} ({@code standard}, the default, or
 * {@code adaptive}, which also slows the client down while AWS throttles) and
 * {@code max_attempts} (first try included; default 3).
 */
record ClientTuning(Duration connectTimeout, Duration readTimeout, Optional<Duration> apiCallTimeout,
                    RetryMode retryMode, int maxAttempts) {

    /**
     * The whole of one call, retries included, unless {@code api_call_timeout} says otherwise: an
     * endpoint that takes connections and never answers fails a call in this time, not after every
     * attempt's read timeout.
     */
    static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Connections kept open per endpoint between requests: as many as a bulk run keeps in flight
     * at most ({@code BulkOptions.MAX_PARALLEL}), so that none is closed after its request and opened
     * again (a TCP and TLS handshake, round trips on a far link). The JDK's HTTP client, which the
     * SDK's URL-connection client uses, keeps 5 unless {@code http.maxConnections} says otherwise.
     */
    static final int KEEP_ALIVE_CONNECTIONS = 64;
    static final String KEEP_ALIVE_PROPERTY = "http.maxConnections";

    static ClientTuning from(AwsSettings settings) {
        RetryMode mode = switch (settings.retryMode()) {
            case STANDARD -> RetryMode.STANDARD;
            case ADAPTIVE -> RetryMode.ADAPTIVE_V2;
        };
        return new ClientTuning(settings.connectTimeout(), settings.readTimeout(),
                settings.apiCallTimeout().or(() -> Optional.of(DEFAULT_API_CALL_TIMEOUT)), mode, settings.maxAttempts());
    }

    /**
     * Sets {@code http.maxConnections} to {@link #KEEP_ALIVE_CONNECTIONS} unless it is set already
     * ({@code MESSER_JAVA_OPTS=-Dhttp.maxConnections=N} wins). The JDK reads it once, when the first
     * connection is kept, so this runs before the first client is made.
     */
    static void sizeConnectionPool() {
        if (System.getProperty(KEEP_ALIVE_PROPERTY) == null) {
            System.setProperty(KEEP_ALIVE_PROPERTY, Integer.toString(KEEP_ALIVE_CONNECTIONS));
        }
    }

    RetryStrategy retryStrategy() {
        return AwsRetryStrategy.forRetryMode(retryMode).toBuilder().maxAttempts(maxAttempts).build();
    }
}
