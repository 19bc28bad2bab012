package dev.messer.config;

import dev.messer.error.ConfigException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** How a profile with {@code regions} turns into the values of each of its regions. */
final class RegionalValues {

    static final String PLACEHOLDER = "{region}";

    private RegionalValues() {
    }

    /**
     * @throws ConfigException for a name that is not a region, a region named twice, or a
     *                         {@code SETTING.REGION} value for a region that is not listed
     */
    static List<String> regions(SettingValues values) {
        List<String> names = names(values.raw(Setting.REGIONS));
        RegionOverrides overrides = values.overrides();
        for (String region : overrides.regions()) {
            if (!names.contains(region)) {
                String first = overrides.valuesFor(region).keySet().iterator().next().iniName() + "." + region;
                throw new ConfigException(first + " is set, but " + region + " is not in regions"
                        + (names.isEmpty() ? " (the profile has none)" : " (" + String.join(" ", names) + ")")
                        + "; add the region to regions or remove the line");
            }
        }
        return names;
    }

    /** The form of {@code regions}: region names, each once. @throws ConfigException naming the source */
    static List<String> names(Sourced<String> setting) {
        List<String> names = new ArrayList<>();
        for (String name : Arrays.stream(setting.value().trim().split("[\\s,]+")).filter(n -> !n.isEmpty()).toList()) {
            if (!RegionOverrides.REGION.matcher(name).matches()) {
                throw new ConfigException("regions names '" + name + "' (from " + setting.from() + "), which is not "
                        + "a region name; list regions such as us-east-1 eu-west-1, the home region first");
            }
            if (names.contains(name)) {
                throw new ConfigException("regions names " + name + " twice (from " + setting.from()
                        + "); list each region once, the home region first");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /**
     * The values of one region: every {@code {region}} replaced by its name, its own
     * {@code SETTING.REGION} values applied (from the profile), {@code region} set to it and
     * {@code regions} cleared, so that they read as a profile of that region alone.
     */
    static SettingValues forRegion(SettingValues values, String region) {
        if (!regions(values).contains(region)) {
            throw new ConfigException("region " + region + " is not in regions (" + values.text(Setting.REGIONS)
                    + "); name one of them");
        }
        Map<Setting, String> own = values.overrides().valuesFor(region);
        Sourced<String> regions = values.raw(Setting.REGIONS);
        return values.mapped(value -> {
            Setting setting = value.setting();
            if (setting == Setting.REGION) {
                return new Sourced<>(setting, region, regions.source(), regions.profile());
            }
            if (setting == Setting.REGIONS) {
                return new Sourced<>(setting, "", Source.DEFAULT, value.profile());
            }
            if (own.containsKey(setting)) {
                return new Sourced<>(setting, own.get(setting), Source.PROFILE, values.profile());
            }
            return new Sourced<>(setting, value.value().replace(PLACEHOLDER, region), value.source(), value.profile());
        });
    }
}
