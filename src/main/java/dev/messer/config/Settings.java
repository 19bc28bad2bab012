package dev.messer.config;

import dev.messer.crypto.EncryptionContext;
import dev.messer.error.ConfigException;
import dev.messer.error.Hint;
import dev.messer.names.Names;
import dev.messer.output.VariableAllowList;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved settings of one profile for one command: immutable, every value already through the
 * resolution order (flag, environment, profile, legacy sections, default). Holds no secrets.
 */
public final class Settings {

    private final Provider provider;
    private final String profileName;
    private final Path configFile;
    private final Map<SettingKey, String> values;
    private final Map<SettingKey, String> sources;

    Settings(Provider provider, String profileName, Path configFile, Map<SettingKey, String> values,
             Map<SettingKey, String> sources) {
        this.provider = provider;
        this.profileName = profileName;
        this.configFile = configFile;
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.sources = Collections.unmodifiableMap(new EnumMap<>(sources));
    }

    /** For tests and programmatic use: values over the built-in defaults. */
    public static Settings of(Provider provider, Map<SettingKey, String> values) {
        EnumMap<SettingKey, String> all = new EnumMap<>(SettingKey.class);
        EnumMap<SettingKey, String> sources = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            all.put(key, values.getOrDefault(key, key.defaultValue()));
            sources.put(key, values.containsKey(key) ? "given" : "default");
        }
        return new Settings(provider, null, null, all, sources);
    }

    public Provider provider() {
        return provider;
    }

    /** The profile these came from, or null for the legacy sections / defaults. */
    public String profileName() {
        return profileName;
    }

    public Path configFile() {
        return configFile;
    }

    public String get(SettingKey key) {
        return values.getOrDefault(key, "");
    }

    public Optional<String> optional(SettingKey key) {
        String value = get(key);
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Where a value came from: flag, environment variable name, "[profile dev]", "[aws]", "default". */
    public String source(SettingKey key) {
        return sources.getOrDefault(key, "default");
    }

    public String require(SettingKey key, Hint hint) {
        return optional(key).orElseThrow(() -> new ConfigException(key.iniName() + " is not set"
                + (profileName == null ? "" : " in profile " + profileName), hint));
    }

    /** The tier, as written; empty for none. @throws ConfigException if it is not a name ({@link #prefixPart}) */
    public String tier() {
        return prefixPart(SettingKey.TIER);
    }

    /** The folder between the tier and the bags, as written; empty for none. @throws ConfigException as {@link #tier} */
    public String secretsFolder() {
        return prefixPart(SettingKey.SECRETS_FOLDER);
    }

    public String masterKey() {
        return get(SettingKey.MASTER_KEY);
    }

    /**
     * The pinned recovery key ({@code SHA256:} and 43 base64 characters), or empty when none is pinned.
     *
     * @throws ConfigException for any other value
     */
    public String recoveryKeyFingerprint() {
        String value = get(SettingKey.RECOVERY_KEY_FINGERPRINT).trim();
        if (!value.isEmpty() && !value.matches("SHA256:[A-Za-z0-9+/]{43}")) {
            throw new ConfigException("recovery_key_fingerprint '" + value + "' (from "
                    + source(SettingKey.RECOVERY_KEY_FINGERPRINT) + ") is not a key fingerprint; copy the SHA256:... "
                    + "line that 'messer recovery set' or 'messer recovery keygen' prints");
        }
        return value;
    }

    public boolean silent() {
        return bool(SettingKey.SILENT);
    }

    /** False when {@code cache_sessions} turns off the cache of assumed-role sessions. */
    public boolean cacheSessions() {
        return bool(SettingKey.CACHE_SESSIONS);
    }

    /**
     * A part of every item path, and of the resources and {@code s3:prefix} conditions of the
     * generated policies, where {@code *} and {@code ?} are wildcards: empty, or one name by the
     * naming rule once the slashes around it (which item paths have always ignored) are set aside.
     */
    private String prefixPart(SettingKey key) {
        String value = get(key);
        if (value.isEmpty() || Names.isValid(stripSlashes(value))) {
            return value;
        }
        throw new ConfigException(key.iniName() + " is '" + Names.escaped(value) + "' (from " + source(key) + "); it "
                + "must be empty or one name of 1 to 128 of A-Z a-z 0-9 _ . - (not '.' or '..', no '/', '*' or '?'), "
                + "as it is part of every item path and policy");
    }

    private static String stripSlashes(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == '/') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == '/') {
            end--;
        }
        return value.substring(start, end);
    }

    /**
     * These settings, with {@code fallbacks} in place of the values that nothing set (source
     * "default"); a value from a flag, the environment or a profile is kept.
     */
    public Settings withFallbacks(Map<SettingKey, String> fallbacks) {
        EnumMap<SettingKey, String> newValues = new EnumMap<>(values);
        EnumMap<SettingKey, String> newSources = new EnumMap<>(sources);
        fallbacks.forEach((key, value) -> {
            if (source(key).equals("default")) {
                newValues.put(key, value);
            }
        });
        return new Settings(provider, profileName, configFile, newValues, newSources);
    }

    /** An optional number of seconds such as {@code 5} or {@code 2.5}, validated when read. */
    public Optional<Duration> seconds(SettingKey key) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(raw.get().trim());
            if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(3600)) > 0) {
                throw new NumberFormatException();
            }
            return Optional.of(Duration.ofMillis(value.movePointRight(3).longValue()));
        } catch (NumberFormatException e) {
            throw new ConfigException(key.iniName() + " is '" + raw.get() + "' (from " + source(key)
                    + "); it must be a number of seconds above 0 and up to 3600, such as 5 or 2.5");
        }
    }

    public boolean pathStyle() {
        return bool(SettingKey.PATH_STYLE);
    }

    /** Whether an {@code http://} endpoint that is not a loopback address is accepted. */
    public boolean allowHttp() {
        return bool(SettingKey.ALLOW_HTTP);
    }

    /** Whether the local master key file must be sealed under a passphrase. */
    public boolean masterKeyProtected() {
        return bool(SettingKey.MASTER_KEY_PROTECTED);
    }

    public int itemFormat() {
        String value = get(SettingKey.ITEM_FORMAT).trim();
        if (!value.equals("1") && !value.equals("2")) {
            throw new ConfigException("item_format is '" + value + "' (from " + source(SettingKey.ITEM_FORMAT)
                    + "); it must be 1 or 2");
        }
        return Integer.parseInt(value);
    }

    /** How many versions of each item the local store keeps ({@code local_versions}); 0 keeps none. */
    public int localVersions() {
        int value = intSetting(SettingKey.LOCAL_VERSIONS).orElse(10);
        if (value < 0 || value > 1000) {
            throw new ConfigException("local_versions is " + value + " (from " + source(SettingKey.LOCAL_VERSIONS)
                    + "); it must be 0 to 1000");
        }
        return value;
    }

    /**
     * The lowest item format opened ({@code min_item_format}): 1 (default) or any later format this
     * version writes. It cannot exceed {@code item_format}, or the profile would refuse what it writes.
     */
    public int minItemFormat() {
        String value = get(SettingKey.MIN_ITEM_FORMAT).trim();
        if (!value.equals("1") && !value.equals("2")) {
            throw new ConfigException("min_item_format is '" + value + "' (from " + source(SettingKey.MIN_ITEM_FORMAT)
                    + "); it must be 1 or 2");
        }
        int min = Integer.parseInt(value);
        if (min > itemFormat()) {
            throw new ConfigException("min_item_format = " + min + " (from " + source(SettingKey.MIN_ITEM_FORMAT)
                    + ") is above item_format = " + itemFormat() + ", so this profile would refuse its own items; "
                    + "set item_format = " + min + " or min_item_format = " + itemFormat());
        }
        return min;
    }

    /**
     * The configured KMS encryption context pairs. Messer 2.x accepted any string here and never used
     * it, so a value in the legacy {@code [aws]}/{@code [messer]} sections that holds no {@code =}
     * (such as {@code messer_unittest_context}) means no pairs, as it did for Messer.
     */
    public EncryptionContext encryptionContext() {
        String value = get(SettingKey.ENCRYPTION_CONTEXT);
        if (isLegacySource(source(SettingKey.ENCRYPTION_CONTEXT)) && !value.contains("=")) {
            return EncryptionContext.parse("");
        }
        try {
            return EncryptionContext.parse(value);
        } catch (RuntimeException e) {
            throw new ConfigException(e.getMessage() + " (from " + source(SettingKey.ENCRYPTION_CONTEXT) + ")");
        }
    }

    /**
     * The variables items may set ({@code allowed_variables}): name patterns such as {@code DB_*},
     * separated by spaces or commas; none when the setting is empty.
     *
     * @throws ConfigException for a pattern that is not letters, digits, {@code _} and {@code *}
     */
    public VariableAllowList allowedVariables() {
        String value = get(SettingKey.ALLOWED_VARIABLES).trim();
        List<String> patterns = Arrays.stream(value.split("[\\s,]+")).filter(p -> !p.isEmpty()).toList();
        try {
            return VariableAllowList.of(patterns, source(SettingKey.ALLOWED_VARIABLES));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("allowed_variables is '" + value + "' (from " + source(SettingKey.ALLOWED_VARIABLES)
                    + "): " + e.getMessage() + "; give variable names or patterns with *, separated by spaces, "
                    + "such as DB_* API_* APP_*");
        }
    }

    /**
     * Parses every value that has a fixed form (booleans, numbers, item_format, encryption_context,
     * allowed_variables, tier and secrets_folder), so that a bad value is reported, naming its source, before anything is done
     * with it.
     *
     * @throws ConfigException for the first value that does not parse
     */
    public Settings validate() {
        silent();
        pathStyle();
        allowHttp();
        masterKeyProtected();
        itemFormat();
        minItemFormat();
        encryptionContext();
        tier();
        secretsFolder();
        intSetting(SettingKey.ROLE_DURATION_SECONDS).orElse(0);
        intSetting(SettingKey.PARALLEL).orElse(0);
        localVersions();
        cacheSessions();
        seconds(SettingKey.CONNECT_TIMEOUT);
        seconds(SettingKey.READ_TIMEOUT);
        seconds(SettingKey.API_CALL_TIMEOUT);
        intSetting(SettingKey.MAX_ATTEMPTS).orElse(0);
        allowedVariables();
        recoveryKeyFingerprint();
        return this;
    }

    private static boolean isLegacySource(String source) {
        return source.equals("[" + IniFile.AWS + "]") || source.equals("[" + IniFile.MESSER + "]");
    }

    public OptionalIntSetting intSetting(SettingKey key) {
        return new OptionalIntSetting(key, optional(key).orElse(null), source(key));
    }

    private boolean bool(SettingKey key) {
        String value = get(key).trim().toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "true", "yes", "on", "1" -> true;
            case "", "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(key.iniName() + " is '" + value + "' (from " + source(key)
                    + "); use true or false");
        };
    }

    /** An optional integer setting, validated when read. */
    public record OptionalIntSetting(SettingKey key, String raw, String source) {
        public boolean isPresent() {
            return raw != null;
        }

        public int orElse(int fallback) {
            if (raw == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(key.iniName() + " is '" + raw + "' (from " + source + "); it must be a number");
            }
        }
    }
}
