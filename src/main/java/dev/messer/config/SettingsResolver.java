package dev.messer.config;

import dev.messer.error.ConfigException;
import dev.messer.error.Hint;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the profile for a command and resolves every setting in the documented order: command-line
 * flag, {@code MESSER_*} environment variable, the selected {@code [profile NAME]}, the legacy
 * {@code [aws]} then {@code [messer]} sections, and the built-in default (see {@link Layers}); then
 * parses what the provider reads into typed settings ({@link Settings}).
 *
 * <p>Profile selection: {@code --profile}, else {@code MESSER_PROFILE}, else {@code default_profile}
 * in {@code [messer]}. The provider word of the command must agree with the profile's
 * {@code provider}; when no profile was named and the default one is for the other provider, a
 * profile named after the word ({@code [profile aws]}, {@code [profile local]}) is used, and for
 * {@code aws} the legacy sections.
 */
public final class SettingsResolver {

    static final String DEFAULT_PROFILE = "default_profile";
    static final String PROFILE_VARIABLE = "MESSER_PROFILE";

    private final Map<String, String> env;
    private final ConfigLocation location;

    public SettingsResolver(Map<String, String> env) {
        this.env = env;
        this.location = new ConfigLocation(env);
    }

    /**
     * @param ini             the loaded file, or null when there is none
     * @param word            the provider word of the command
     * @param profileFlag     {@code --profile} or null
     * @param flags           settings given as command-line flags
     * @throws ConfigException for a profile that does not exist or is for the other provider, and for
     *                         the first value the provider reads that does not parse, naming its source
     */
    public Settings resolve(IniFile ini, Provider word, String profileFlag, Map<Setting, String> flags) {
        return Settings.parse(values(ini, word, profileFlag, flags), ini == null ? null : ini.path());
    }

    /** What {@code doctor} checks: the settings, and apart from them what is wrong with the allow-list. */
    public record Diagnosis(Settings settings, Optional<ConfigException> allowedVariables) {
    }

    /**
     * As {@link #resolve} with no flags, except that a bad {@code allowed_variables} does not stop
     * it: the settings then hold no allow-list, and the error is kept for a check of its own.
     */
    public Diagnosis diagnose(IniFile ini, Provider word, String profileFlag) {
        SettingValues values = values(ini, word, profileFlag, Map.of());
        ConfigException allowList = null;
        try {
            values.parsed(Setting.ALLOWED_VARIABLES, Object.class);
        } catch (ConfigException e) {
            allowList = e;
            values = values.with(Setting.ALLOWED_VARIABLES, "");
        }
        return new Diagnosis(Settings.parse(values, ini == null ? null : ini.path()), Optional.ofNullable(allowList));
    }

    /** The profile the user named: {@code --profile}, else {@code MESSER_PROFILE}, else null. */
    public String namedProfile(String profileFlag) {
        if (nonBlank(profileFlag)) {
            return profileFlag.trim();
        }
        String variable = env.get(PROFILE_VARIABLE);
        return nonBlank(variable) ? variable.trim() : null;
    }

    SettingValues values(IniFile ini, Provider word, String profileFlag, Map<Setting, String> flags) {
        IniFile file = ini != null ? ini : IniFile.empty(location.defaultFile());
        String profile = selectProfile(file, word, profileFlag);
        Layers layers = new Layers(flags, env, file, profile);
        EnumMap<Setting, Sourced<String>> raw = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            raw.put(setting, layers.find(setting)
                    .orElseGet(() -> new Sourced<>(setting, providerDefault(word, setting), Source.DEFAULT, profile)));
        }
        SettingValues values = new SettingValues(word, profile, location, raw);
        requireProvider(values.sourced(Setting.PROVIDER, Provider.class), word, profile, profileFlag);
        RegionOverrides regional = profile == null ? RegionOverrides.NONE
                : RegionOverrides.of(file.section(IniFile.profileSection(profile)), "[" + IniFile.profileSection(profile) + "]");
        return values.with(Setting.PROVIDER, word.word()).withOverrides(regional);
    }

    /** The provider a profile declares must be the command's word. */
    private void requireProvider(Sourced<Provider> declared, Provider word, String profile, String profileFlag) {
        if (!declared.isSet() || declared.value() == word) {
            return;
        }
        String name = declared.value().word();
        if (profile != null && declared.source() == Source.PROFILE && namedProfile(profileFlag) == null) {
            throw new ConfigException("the default profile " + profile + " is for provider " + name
                    + " and there is no [profile " + word.word() + "]", Hint.of("add one with {} or pick a profile "
                    + "with --profile", word == Provider.AWS ? Hint.aws("configure", "--profile", "NAME", "...")
                    : Hint.local("configure", "--profile", "NAME", "...")));
        }
        if (profile != null && declared.source() == Source.PROFILE) {
            throw new ConfigException("profile " + profile + " is for provider " + name + ", but the command says "
                    + word.word() + "; use the matching word or pick a profile with --profile");
        }
        throw new ConfigException("provider is " + name + " (from " + declared.from() + "), but the command says "
                + word.word() + "; use the matching word or change " + declared.from());
    }

    /** The profile a command would use, or null for the legacy sections and defaults. */
    String selectProfile(IniFile file, Provider word, String profileFlag) {
        List<String> profiles = file.profiles();
        String explicit = namedProfile(profileFlag);
        if (explicit != null) {
            requireProfile(file, explicit, profiles);
            return explicit;
        }
        String configured = file.section(IniFile.MESSER).get(DEFAULT_PROFILE);
        if (configured != null) {
            requireProfile(file, configured, profiles);
            if (matches(file, configured, word)) {
                return configured;
            }
        }
        if (profiles.contains(word.word()) && matches(file, word.word(), word)) {
            return word.word();
        }
        if (configured != null && !(word == Provider.AWS && hasLegacySettings(file))) {
            return configured;
        }
        return null;
    }

    static boolean matches(IniFile file, String profile, Provider word) {
        String declared = file.section(IniFile.profileSection(profile)).get(Setting.PROVIDER.iniName());
        return declared == null || word.word().equals(declared.trim());
    }

    static boolean hasLegacySettings(IniFile file) {
        Map<String, String> messer = file.section(IniFile.MESSER);
        return !file.section(IniFile.AWS).isEmpty()
                || messer.keySet().stream().anyMatch(k -> !k.equals(DEFAULT_PROFILE));
    }

    private static void requireProfile(IniFile file, String name, List<String> profiles) {
        if (!profiles.contains(name)) {
            throw new ConfigException("profile '" + name + "' is not defined in " + file.path()
                    + (profiles.isEmpty() ? " (it has no profiles)" : " (profiles: " + String.join(", ", profiles) + ")")
                    + "; add [profile " + name + "] or pick another with --profile");
        }
    }

    private String providerDefault(Provider word, Setting setting) {
        if (word == Provider.LOCAL && setting == Setting.LOCAL_ROOT) {
            return location.defaultLocalRoot().toString();
        }
        return setting.defaultFor(word);
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }
}
