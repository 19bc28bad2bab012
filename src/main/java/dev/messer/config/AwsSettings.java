package dev.messer.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the aws provider reads, parsed and checked: where the buckets and the KMS key are, how to
 * reach them, and as whom. Built from the resolved values of one profile alone, so that the values
 * of one region could be turned into a record of their own the same way.
 *
 * @param secretsBucket       the S3 bucket of the items
 * @param keysBucket          the S3 bucket of the wrapped data keys
 * @param masterKey           the KMS alias, with or without {@code alias/}
 * @param region              the region setting, if set (the SDK's chain applies otherwise)
 * @param awsProfile          the profile of {@code ~/.aws/config} to take credentials from, if set
 * @param role                messer's own role assumption
 * @param endpoints           the endpoint settings
 * @param sseKmsKeyId         the KMS key for server-side encryption of every object written, if set
 * @param accountId           the account {@code policy aws} names, as written (checked where it is used)
 * @param expectedBucketOwner an account every S3 request must be answered by, if set
 * @param cacheSessions       false when assumed-role sessions are not kept between commands
 * @param apiCallTimeout      the limit of a whole call, retries included, if set
 * @param maxAttempts         attempts per call, the first included
 */
public record AwsSettings(Sourced<String> secretsBucket, Sourced<String> keysBucket, Sourced<String> masterKey,
                          Optional<String> region, Optional<String> awsProfile, Role role, Endpoints endpoints,
                          Optional<String> sseKmsKeyId, Sourced<String> accountId,
                          Optional<String> expectedBucketOwner, boolean pathStyle, boolean cacheSessions,
                          Duration connectTimeout, Duration readTimeout, Optional<Duration> apiCallTimeout,
                          RetryMode retryMode, int maxAttempts) {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final int MAX_MAX_ATTEMPTS = 20;

    /** How a call is retried: {@code standard}, or {@code adaptive}, which also slows down while AWS throttles. */
    public enum RetryMode { STANDARD, ADAPTIVE }

    /**
     * The role messer assumes through STS before using S3 and KMS ({@code role_arn}), if any.
     *
     * @param durationSeconds the lifetime asked for, from 900 to 43200, if set
     */
    public record Role(Optional<String> arn, Optional<String> sessionName, OptionalInt durationSeconds,
                       Optional<String> externalId, Optional<String> mfaSerial) {
    }

    /**
     * Endpoint settings: one for every service, and one per service that overrides it.
     *
     * @param allowHttp whether an {@code http://} endpoint that is not a loopback address is accepted
     */
    public record Endpoints(Sourced<String> all, Sourced<String> s3, Sourced<String> kms, Sourced<String> sts,
                            Sourced<String> sso, boolean allowHttp) {

        /** The settings that name an endpoint of S3, KMS or STS, in the order they apply. */
        public List<Sourced<String>> ofDataServices() {
            return List.of(all, s3, kms, sts);
        }
    }

    static AwsSettings from(SettingValues values) {
        Role role = new Role(optional(values, Setting.ROLE_ARN), optional(values, Setting.ROLE_SESSION_NAME),
                values.parsed(Setting.ROLE_DURATION_SECONDS, OptionalInt.class), optional(values, Setting.EXTERNAL_ID),
                optional(values, Setting.MFA_SERIAL));
        Endpoints endpoints = new Endpoints(values.raw(Setting.ENDPOINT_URL), values.raw(Setting.S3_ENDPOINT_URL),
                values.raw(Setting.KMS_ENDPOINT_URL), values.raw(Setting.STS_ENDPOINT_URL),
                values.raw(Setting.SSO_ENDPOINT_URL), values.parsed(Setting.ALLOW_HTTP, Boolean.class));
        boolean pathStyle = values.parsed(Setting.PATH_STYLE, Boolean.class);
        boolean cacheSessions = values.parsed(Setting.CACHE_SESSIONS, Boolean.class);
        Duration connect = seconds(values, Setting.CONNECT_TIMEOUT).orElse(Duration.ofSeconds(5));
        Duration read = seconds(values, Setting.READ_TIMEOUT).orElse(Duration.ofSeconds(30));
        Optional<Duration> apiCall = seconds(values, Setting.API_CALL_TIMEOUT);
        int attempts = values.parsed(Setting.MAX_ATTEMPTS, OptionalInt.class).orElse(DEFAULT_MAX_ATTEMPTS);
        RetryMode retryMode = values.parsed(Setting.RETRY_MODE, RetryMode.class);
        return new AwsSettings(values.raw(Setting.SECRETS_BUCKET), values.raw(Setting.KEYS_BUCKET),
                values.raw(Setting.MASTER_KEY), optional(values, Setting.REGION), optional(values, Setting.AWS_PROFILE),
                role, endpoints, optional(values, Setting.SSE_KMS_KEY_ID), values.raw(Setting.ACCOUNT_ID),
                optional(values, Setting.EXPECTED_BUCKET_OWNER), pathStyle, cacheSessions, connect, read, apiCall,
                retryMode, attempts);
    }

    private static Optional<String> optional(SettingValues values, Setting setting) {
        return values.raw(setting).optional();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Duration> seconds(SettingValues values, Setting setting) {
        return values.parsed(setting, Optional.class);
    }
}
