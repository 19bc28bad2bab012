package dev.messer.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The resolved settings of one profile for one command: immutable, every value already through the
 * resolution order (flag, environment, profile, legacy sections, default), and every value the
 * provider reads parsed and checked. They hold the settings every provider reads
 * ({@link #common()}) and those of the profile's provider ({@link #aws()} or {@link #local()}).
 * Holds no secrets.
 */
public final class Settings {

    private final SettingValues values;
    private final CommonSettings common;
    private final AwsSettings aws;
    private final LocalSettings local;

    private Settings(SettingValues values, Path configFile) {
        values.check(setting -> setting.readBy(values.provider()));
        this.values = values;
        this.common = CommonSettings.from(values, configFile);
        this.aws = values.provider() == Provider.AWS ? AwsSettings.from(values) : null;
        this.local = values.provider() == Provider.LOCAL ? LocalSettings.from(values) : null;
    }

    /** @throws dev.messer.error.ConfigException for the first value the provider reads that does not parse */
    static Settings parse(SettingValues values, Path configFile) {
        return new Settings(values, configFile);
    }

    /**
     * Settings a program gives itself, over the built-in defaults, each from {@link Source#GIVEN}.
     *
     * @throws dev.messer.error.ConfigException as {@link SettingsResolver#resolve} does
     */
    public static Settings of(Provider provider, Map<Setting, String> values) {
        return new Settings(SettingValues.given(provider, values, new ConfigLocation(Map.of())), null);
    }

    public Provider provider() {
        return values.provider();
    }

    /** The profile these came from, or null for the legacy sections / defaults. */
    public String profileName() {
        return common.profileName();
    }

    public Path configFile() {
        return common.configFile();
    }

    public CommonSettings common() {
        return common;
    }

    /** @throws IllegalStateException for a local profile */
    public AwsSettings aws() {
        if (aws == null) {
            throw new IllegalStateException("the settings of provider " + provider().word() + " have no aws part");
        }
        return aws;
    }

    /** @throws IllegalStateException for an aws profile */
    public LocalSettings local() {
        if (local == null) {
            throw new IllegalStateException("the settings of provider " + provider().word() + " have no local part");
        }
        return local;
    }

    /**
     * Also checks the values only the other provider reads, as a command that writes or sets up a
     * profile must: so {@code configure local --path-style maybe} is refused too.
     *
     * @throws dev.messer.error.ConfigException for the first value that does not parse, naming its source
     */
    public Settings validate() {
        values.check(setting -> true);
        regions();
        return this;
    }

    /** These settings with {@code defaults} in place of the built-in defaults, where nothing set a value. */
    public Settings withDefaults(CommandDefaults defaults) {
        return new Settings(values.withDefaults(defaults.settings()), configFile());
    }

    /** Every value that is not empty, with where it came from, in the order of {@link Setting}. */
    public List<Sourced<String>> listed() {
        return values.listed();
    }

    /** The regions of a profile that spans several, home first; empty for one region ({@link RegionalValues}). */
    public List<String> regions() {
        return RegionalValues.regions(values);
    }

    /** The settings of one of {@link #regions()}, as a profile of that region alone ({@link RegionalValues}). */
    public Settings forRegion(String region) {
        return new Settings(RegionalValues.forRegion(values, region), configFile());
    }

    /** These settings for reads of the nearest of several regions: no retry, no wait past {@code failover_after}. */
    public Settings forFailoverReads() {
        String seconds = java.math.BigDecimal.valueOf(failoverAfter().toMillis()).movePointLeft(3).toPlainString();
        return new Settings(values.with(Setting.CONNECT_TIMEOUT, seconds).with(Setting.READ_TIMEOUT, seconds)
                .with(Setting.MAX_ATTEMPTS, "1"), configFile());
    }

    /** How long the nearest region may take to answer before a read turns to another ({@code failover_after}). */
    public java.time.Duration failoverAfter() {
        java.util.Optional<?> parsed = values.parsed(Setting.FAILOVER_AFTER, java.util.Optional.class);
        return parsed.map(java.time.Duration.class::cast).orElse(java.time.Duration.ofMillis(500));
    }

    /** The region named with {@code --region}, if any: reads then go to that region alone. */
    public java.util.Optional<String> regionNamedOnCommandLine() {
        Sourced<String> region = values.raw(Setting.REGION);
        return region.source() == Source.COMMAND_LINE && region.isSet() ? java.util.Optional.of(region.value().trim())
                : java.util.Optional.empty();
    }

    SettingValues values() {
        return values;
    }
}
