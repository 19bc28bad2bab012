package dev.messer.config;

import dev.messer.error.ConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How a profile with {@code regions} turns into the settings of each of its regions. */
final class RegionalValues {

    static final String PLACEHOLDER = "{region}";

    private RegionalValues() {
    }

    static List<String> regions(Settings settings, RegionOverrides overrides) {
        String value = settings.get(SettingKey.REGIONS).trim();
        List<String> names = new ArrayList<>();
        for (String name : Arrays.stream(value.split("[\\s,]+")).filter(n -> !n.isEmpty()).toList()) {
            if (!RegionOverrides.REGION.matcher(name).matches()) {
                throw new ConfigException("regions names '" + name + "' (from " + settings.source(SettingKey.REGIONS)
                        + "), which is not a region name; list regions such as us-east-1 eu-west-1, the home region first");
            }
            if (names.contains(name)) {
                throw new ConfigException("regions names " + name + " twice (from "
                        + settings.source(SettingKey.REGIONS) + "); list each region once, the home region first");
            }
            names.add(name);
        }
        for (String region : overrides.regions()) {
            if (!names.contains(region)) {
                String first = overrides.valuesFor(region).keySet().iterator().next().iniName() + "." + region;
                throw new ConfigException(first + " is set, but " + region + " is not in regions"
                        + (names.isEmpty() ? " (the profile has none)" : " (" + String.join(" ", names) + ")")
                        + "; add the region to regions or remove the line");
            }
        }
        return List.copyOf(names);
    }

    static Settings forRegion(Settings settings, RegionOverrides overrides, String region) {
        if (!regions(settings, overrides).contains(region)) {
            throw new ConfigException("region " + region + " is not in regions (" + settings.get(SettingKey.REGIONS)
                    + "); name one of them");
        }
        EnumMap<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        EnumMap<SettingKey, String> sources = new EnumMap<>(settings.sources());
        settings.values().forEach((key, value) -> values.put(key, value.replace(PLACEHOLDER, region)));
        Map<SettingKey, String> own = overrides.valuesFor(region);
        own.forEach((key, value) -> {
            values.put(key, value);
            sources.put(key, overrides.sourceOf(key, region));
        });
        values.put(SettingKey.REGION, region);
        sources.put(SettingKey.REGION, "regions (from " + settings.source(SettingKey.REGIONS) + ")");
        values.put(SettingKey.REGIONS, "");
        return new Settings(settings.provider(), settings.profileName(), settings.configFile(), values, sources,
                RegionOverrides.NONE);
    }

    static Settings forFailoverReads(Settings settings) {
        EnumMap<SettingKey, String> values = new EnumMap<>(settings.values());
        EnumMap<SettingKey, String> sources = new EnumMap<>(settings.sources());
        String seconds = java.math.BigDecimal.valueOf(settings.failoverAfter().toMillis()).movePointLeft(3).toPlainString();
        for (SettingKey key : new SettingKey[] {SettingKey.CONNECT_TIMEOUT, SettingKey.READ_TIMEOUT}) {
            values.put(key, seconds);
            sources.put(key, "failover_after (from " + settings.source(SettingKey.FAILOVER_AFTER) + ")");
        }
        values.put(SettingKey.MAX_ATTEMPTS, "1");
        sources.put(SettingKey.MAX_ATTEMPTS, "failover_after (no retry on the nearest region)");
        return new Settings(settings.provider(), settings.profileName(), settings.configFile(), values, sources,
                RegionOverrides.NONE);
    }
}
