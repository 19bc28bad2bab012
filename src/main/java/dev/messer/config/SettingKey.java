package dev.messer.config;

import java.util.Locale;

/** Every setting a profile may hold (docs/configuration.md), with its built-in default. */
public enum SettingKey {
    PROVIDER(""),
    TIER(""),
    MASTER_KEY(""),
    SILENT("false"),
    REGION(""),
    SECRETS_BUCKET(""),
    SECRETS_FOLDER(""),
    KEYS_BUCKET(""),
    ROLE_ARN(""),
    ROLE_SESSION_NAME(""),
    ROLE_DURATION_SECONDS(""),
    AWS_PROFILE(""),
    ENCRYPTION_CONTEXT(""),
    SSE_KMS_KEY_ID(""),
    ACCOUNT_ID(""),
    EXPECTED_BUCKET_OWNER(""),
    ENDPOINT_URL(""),
    S3_ENDPOINT_URL(""),
    KMS_ENDPOINT_URL(""),
    STS_ENDPOINT_URL(""),
    SSO_ENDPOINT_URL(""),
    PATH_STYLE("false"),
    ALLOW_HTTP("false"),
    MFA_SERIAL(""),
    EXTERNAL_ID(""),
    ITEM_FORMAT("2"),
    MIN_ITEM_FORMAT("1"),
    LOCAL_ROOT(""),
    MASTER_KEY_PROTECTED("false"),
    PARALLEL(""),
    LOCAL_VERSIONS("10"),
    CACHE_SESSIONS("true"),
    CONNECT_TIMEOUT("5"),
    READ_TIMEOUT("30"),
    API_CALL_TIMEOUT(""),
    MAX_ATTEMPTS(""),
    RETRY_MODE(""),
    ALLOWED_VARIABLES(""),
    RECOVERY_KEY_FINGERPRINT("");

    private final String defaultValue;

    SettingKey(String defaultValue) {
        this.defaultValue = defaultValue;
    }

    /** The name used in ini files: {@code master_key}. */
    public String iniName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The environment variable that overrides it: {@code MESSER_MASTER_KEY}. */
    public String envName() {
        return "MESSER_" + name();
    }

    public String defaultValue() {
        return defaultValue;
    }

    public static SettingKey fromIniName(String name) {
        for (SettingKey key : values()) {
            if (key.iniName().equals(name)) {
                return key;
            }
        }
        return null;
    }
}
