package dev.messer.config;

import java.util.List;
import java.util.Locale;

/**
 * Every setting a profile may hold (docs/configuration.md), defined once: its name in the ini file
 * and in the environment, which providers read it, what its text must look like, its built-in
 * default, and the {@code messer configure} option that writes it, if any.
 */
public enum Setting {
    PROVIDER(Scope.COMMON, "", Form.PROVIDER, null),
    TIER(Scope.COMMON, "", Form.PATH_PART, option("Tier, the first part of every item path", "-e", "--tier")),
    MASTER_KEY(Scope.COMMON, "", Form.TEXT, option(
            "Master key: KMS alias without alias/ (aws), key file name (local)", "-m", "--master-key")),
    SILENT(Scope.COMMON, "false", Form.BOOLEAN, option("Write silent = true|false: whether later runs of the "
            + "profile print only the data asked for, and errors (--silent mutes this run only)", "--set-silent")),
    REGION(Scope.AWS, "", Form.TEXT, option("AWS region", "-r", "--region")),
    REGIONS(Scope.AWS, "", Form.REGIONS, null),
    FAILOVER_AFTER(Scope.AWS, "0.5", Form.SECONDS, null),
    SECRETS_BUCKET(Scope.COMMON, "", Form.TEXT, option("Secrets bucket (aws) or folder name (local)",
            "-b", "--secrets-bucket")),
    SECRETS_FOLDER(Scope.COMMON, "", Form.PATH_PART, option("Folder under the tier in the secrets bucket",
            "-f", "--secrets-folder")),
    KEYS_BUCKET(Scope.COMMON, "", Form.TEXT, option("Keys bucket (aws) or folder name (local)", "-k", "--keys-bucket")),
    ROLE_ARN(Scope.AWS, "", Form.TEXT, option("Role to assume through STS", "-a", "--role-arn")),
    ROLE_SESSION_NAME(Scope.AWS, "", Form.TEXT, option("Session name for the assumed role", "-s",
            "--role-session-name")),
    ROLE_DURATION_SECONDS(Scope.AWS, "", Form.number(900, 43200, "STS accepts 900 to 43200"), null),
    AWS_PROFILE(Scope.AWS, "", Form.TEXT, option("Profile in ~/.aws/credentials", "-n", "--aws-profile")),
    ENCRYPTION_CONTEXT(Scope.COMMON, "", Form.ENCRYPTION_CONTEXT, option("KMS encryption context pairs: k=v,k2=v2",
            "-x", "--encryption-context")),
    SSE_KMS_KEY_ID(Scope.AWS, "", Form.TEXT, option("KMS key for S3 server-side encryption of every put",
            "--sse-kms-key-id")),
    ACCOUNT_ID(Scope.AWS, "", Form.TEXT, null),
    EXPECTED_BUCKET_OWNER(Scope.AWS, "", Form.TEXT, null),
    ENDPOINT_URL(Scope.AWS, "", Form.TEXT, option("Endpoint for all AWS services (VPC endpoints, emulators)",
            "--endpoint-url")),
    S3_ENDPOINT_URL(Scope.AWS, "", Form.TEXT, null),
    KMS_ENDPOINT_URL(Scope.AWS, "", Form.TEXT, null),
    STS_ENDPOINT_URL(Scope.AWS, "", Form.TEXT, null),
    SSO_ENDPOINT_URL(Scope.AWS, "", Form.TEXT, null),
    PATH_STYLE(Scope.AWS, "false", Form.BOOLEAN, option("S3 path-style addressing (true/false)", "--path-style")),
    ALLOW_HTTP(Scope.AWS, "false", Form.BOOLEAN, option("Accept http:// endpoints that are not loopback "
            + "(true/false)", "--allow-http")),
    MFA_SERIAL(Scope.AWS, "", Form.TEXT, option("MFA device ARN for role assumption", "--mfa-serial")),
    EXTERNAL_ID(Scope.AWS, "", Form.TEXT, option("External id for role assumption", "--external-id")),
    ITEM_FORMAT(Scope.COMMON, "2", Form.ITEM_FORMAT, option("1 = what Python Messer 2.0.13 reads; 2 = bound (default)",
            "--item-format")),
    MIN_ITEM_FORMAT(Scope.COMMON, "1", Form.ITEM_FORMAT, option("Oldest item format opened: 1 (default) or 2 to "
            + "refuse unbound format-1 items", "--min-item-format")),
    LOCAL_ROOT(Scope.LOCAL, "", Form.TEXT, option("Folder for local buckets and master keys (local)", "--local-root")),
    MASTER_KEY_PROTECTED(Scope.LOCAL, "false", Form.BOOLEAN, null),
    PARALLEL(Scope.COMMON, "", Form.NUMBER, null),
    LOCAL_VERSIONS(Scope.LOCAL, "10", Form.number(0, 1000, "it must be 0 to 1000"), null),
    CACHE_SESSIONS(Scope.AWS, "true", Form.BOOLEAN, null),
    CONNECT_TIMEOUT(Scope.AWS, "5", Form.SECONDS, null),
    READ_TIMEOUT(Scope.AWS, "30", Form.SECONDS, null),
    API_CALL_TIMEOUT(Scope.AWS, "", Form.SECONDS, null),
    MAX_ATTEMPTS(Scope.AWS, "", Form.number(1, AwsSettings.MAX_MAX_ATTEMPTS,
            "use 1 to " + AwsSettings.MAX_MAX_ATTEMPTS), null),
    RETRY_MODE(Scope.AWS, "", Form.RETRY_MODE, null),
    ALLOWED_VARIABLES(Scope.COMMON, "", Form.ALLOWED_VARIABLES, option("The only variables items may set in exec "
            + "and the export formats: patterns separated by spaces, such as 'DB_* API_*' ('' removes the list)",
            "--allowed-variables")),
    RECOVERY_KEY_FINGERPRINT(Scope.COMMON, "", Form.KEY_FINGERPRINT, option("The recovery public key new key versions "
            + "are also wrapped under: SHA256: and 43 base64 characters ('' stops the recovery wraps)",
            "--recovery-key-fingerprint"));

    /** Which providers read a setting. */
    public enum Scope { COMMON, AWS, LOCAL }

    /** The {@code messer configure} option that writes a setting: its names ({@code -m}, {@code --master-key}), its help. */
    public record Option(List<String> names, String description) {
    }

    private final Scope scope;
    private final String defaultValue;
    private final Form form;
    private final Option option;

    Setting(Scope scope, String defaultValue, Form form, Option option) {
        this.scope = scope;
        this.defaultValue = defaultValue;
        this.form = form;
        this.option = option;
    }

    private static Option option(String description, String... names) {
        return new Option(List.of(names), description);
    }

    /** The name used in ini files: {@code master_key}. */
    public String iniName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The environment variable that overrides it: {@code MESSER_MASTER_KEY}. */
    public String envName() {
        return "MESSER_" + name();
    }

    /** True when a profile of {@code provider} reads it. */
    public boolean readBy(Provider provider) {
        return scope == Scope.COMMON || scope.name().equals(provider.name());
    }

    /**
     * The built-in default for a profile of {@code provider}: a local profile keeps its data in
     * folders with fixed names. ({@code local_root}'s default depends on the environment: see
     * {@link ConfigLocation#defaultLocalRoot}.)
     */
    public String defaultFor(Provider provider) {
        if (provider == Provider.LOCAL) {
            switch (this) {
                case MASTER_KEY:
                    return "default";
                case SECRETS_BUCKET:
                    return "secrets";
                case KEYS_BUCKET:
                    return "keys";
                default:
                    break;
            }
        }
        return defaultValue;
    }

    /** The option of {@code messer configure} that writes it, or null if none does. */
    public Option option() {
        return option;
    }

    /**
     * What the text reads as.
     *
     * @throws dev.messer.error.ConfigException when it does not have the setting's form, naming the source
     */
    Object parse(Sourced<String> raw) {
        return form.parse(raw);
    }
}
