package dev.messer.config;

import dev.messer.error.ConfigException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The values a profile sets for one region only, written {@code SETTING.REGION = value}
 * ({@code endpoint_url.eu-west-1 = https://...}, {@code master_key.eu-west-1 = acme-dev}). They
 * apply to that region of a profile with {@code regions}, over the profile's own values and after
 * its {@code {region}} placeholders are filled in.
 */
public final class RegionOverrides {

    /** An AWS region name: lowercase letters and digits in two or more parts joined by '-'. */
    static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+");

    /** What every region of a profile must share: the items' paths and the keys' contexts are one set. */
    private static final Set<Setting> SHARED = EnumSet.of(Setting.PROVIDER, Setting.REGIONS,
            Setting.REGION, Setting.TIER, Setting.SECRETS_FOLDER, Setting.ENCRYPTION_CONTEXT);

    static final RegionOverrides NONE = new RegionOverrides(Map.of(), "");

    private final Map<String, Map<Setting, String>> byRegion;
    private final String source;

    private RegionOverrides(Map<String, Map<Setting, String>> byRegion, String source) {
        this.byRegion = byRegion;
        this.source = source;
    }

    /**
     * The {@code SETTING.REGION} entries of a profile section.
     *
     * @param source the section, for messages ({@code [profile dev]})
     * @throws ConfigException for an entry whose setting is unknown or shared by every region, or whose
     *                         region is not a region name
     */
    static RegionOverrides of(Map<String, String> section, String source) {
        Map<String, Map<Setting, String>> byRegion = new TreeMap<>();
        section.forEach((name, value) -> {
            int dot = name.indexOf('.');
            if (dot < 0) {
                return;
            }
            Setting key = byIniName(name.substring(0, dot));
            String region = name.substring(dot + 1);
            if (key == null) {
                throw new ConfigException(name + " (in " + source + ") is not a setting; a value for one region is "
                        + "written SETTING.REGION, such as endpoint_url.eu-west-1 (see docs/configuration.md)");
            }
            if (SHARED.contains(key)) {
                throw new ConfigException(name + " (in " + source + ") cannot differ between regions: " + key.iniName()
                        + " is shared by every region of a profile; remove the line");
            }
            if (!REGION.matcher(region).matches()) {
                throw new ConfigException(name + " (in " + source + ") names '" + region + "', which is not a region "
                        + "name such as eu-west-1");
            }
            byRegion.computeIfAbsent(region, r -> new EnumMap<>(Setting.class)).put(key, value == null ? ""
                    : value.trim());
        });
        return new RegionOverrides(Collections.unmodifiableMap(byRegion), source);
    }

    private static Setting byIniName(String name) {
        for (Setting setting : Setting.values()) {
            if (setting.iniName().equals(name)) {
                return setting;
            }
        }
        return null;
    }

    /** The regions that have at least one value of their own. */
    Set<String> regions() {
        return byRegion.keySet();
    }

    /** The values set for {@code region} alone. */
    Map<Setting, String> valuesFor(String region) {
        return byRegion.getOrDefault(region, Map.of());
    }

}
