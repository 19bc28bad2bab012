package dev.messer.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The text of every setting of one profile after the resolution order, with where each came from:
 * what the typed records ({@link CommonSettings}, {@link AwsSettings}, {@link LocalSettings}) are
 * parsed from, and what {@code configure -p} lists.
 */
final class SettingValues {

    private final Provider provider;
    private final String profile;
    private final ConfigLocation location;
    private final Map<Setting, Sourced<String>> raw;
    private final RegionOverrides overrides;

    /**
     * @param profile  the profile in use, or null for the legacy sections and defaults
     * @param location expands {@code ~} in {@code local_root}
     * @param raw      a value for every setting
     */
    SettingValues(Provider provider, String profile, ConfigLocation location, Map<Setting, Sourced<String>> raw) {
        this(provider, profile, location, raw, RegionOverrides.NONE);
    }

    /** @param overrides the profile's {@code SETTING.REGION} values */
    SettingValues(Provider provider, String profile, ConfigLocation location, Map<Setting, Sourced<String>> raw,
                  RegionOverrides overrides) {
        this.overrides = overrides;
        this.provider = provider;
        this.profile = profile;
        this.location = location;
        this.raw = Collections.unmodifiableMap(new EnumMap<>(raw));
    }

    /** Values a program gives itself, over the built-in defaults. */
    static SettingValues given(Provider provider, Map<Setting, String> values, ConfigLocation location) {
        Map<Setting, Sourced<String>> raw = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            raw.put(setting, values.containsKey(setting)
                    ? new Sourced<>(setting, values.get(setting), Source.GIVEN, null)
                    : new Sourced<>(setting, setting.defaultFor(provider), Source.DEFAULT, null));
        }
        return new SettingValues(provider, null, location, raw);
    }

    Provider provider() {
        return provider;
    }

    String profile() {
        return profile;
    }

    ConfigLocation location() {
        return location;
    }

    Sourced<String> raw(Setting setting) {
        return raw.get(setting);
    }

    /** The text as written, without where it came from. */
    String text(Setting setting) {
        return raw.get(setting).value();
    }

    /** What the setting's text reads as. @throws dev.messer.error.ConfigException naming the setting and its source */
    <T> T parsed(Setting setting, Class<T> type) {
        return type.cast(setting.parse(raw.get(setting)));
    }

    /** What the setting's text reads as, with where it came from. */
    <T> Sourced<T> sourced(Setting setting, Class<T> type) {
        return raw.get(setting).map(text -> type.cast(setting.parse(text)));
    }

    /**
     * Parses each value {@code which} selects, in the order of {@link Setting}.
     *
     * @throws dev.messer.error.ConfigException for the first that does not parse, naming it and its source
     */
    void check(Predicate<Setting> which) {
        for (Setting setting : Setting.values()) {
            if (which.test(setting)) {
                setting.parse(raw.get(setting));
            }
        }
    }

    /** These values with {@code value} in place of the one of {@code setting}, keeping its source. */
    SettingValues with(Setting setting, String value) {
        Map<Setting, Sourced<String>> changed = new EnumMap<>(raw);
        Sourced<String> old = raw.get(setting);
        changed.put(setting, new Sourced<>(setting, value, old.source(), old.profile()));
        return new SettingValues(provider, profile, location, changed, overrides);
    }

    /** These values with {@code defaults} in place of the values that nothing set (source {@link Source#DEFAULT}). */
    SettingValues withDefaults(Map<Setting, String> defaults) {
        SettingValues result = this;
        for (Map.Entry<Setting, String> entry : defaults.entrySet()) {
            if (raw.get(entry.getKey()).source() == Source.DEFAULT) {
                result = result.with(entry.getKey(), entry.getValue());
            }
        }
        return result;
    }

    /** These values with the profile's {@code SETTING.REGION} values. */
    SettingValues withOverrides(RegionOverrides regional) {
        return new SettingValues(provider, profile, location, raw, regional);
    }

    RegionOverrides overrides() {
        return overrides;
    }

    /** These values with every setting's text changed by {@code change}, keeping the sources. */
    SettingValues mapped(java.util.function.UnaryOperator<Sourced<String>> change) {
        Map<Setting, Sourced<String>> changed = new EnumMap<>(Setting.class);
        raw.forEach((setting, value) -> changed.put(setting, change.apply(value)));
        return new SettingValues(provider, profile, location, changed, RegionOverrides.NONE);
    }

    /** The values that are not empty, in the order of {@link Setting}. */
    List<Sourced<String>> listed() {
        return raw.values().stream().filter(Sourced::isSet).toList();
    }
}
