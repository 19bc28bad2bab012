package dev.messer.config;

import dev.messer.error.ConfigException;
import dev.messer.error.Hint;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the profile for a command and resolves every setting in the documented order: command-line
 * flag, {@code MESSER_*} environment variable, the selected {@code [profile NAME]}, the legacy
 * {@code [aws]} then {@code [messer]} sections, and the built-in default.
 *
 * <p>Profile selection: {@code --profile}, else {@code MESSER_PROFILE}, else {@code default_profile}
 * in {@code [messer]}. The provider word of the command must agree with the profile's
 * {@code provider}; when no profile was named and the default one is for the other provider, a
 * profile named after the word ({@code [profile aws]}, {@code [profile local]}) is used, and for
 * {@code aws} the legacy sections.
 */
public final class SettingsResolver {

    static final String DEFAULT_PROFILE = "default_profile";
    /** The source of a value given as a command-line flag. */
    public static final String COMMAND_LINE = "command line";

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
     */
    public Settings resolve(IniFile ini, Provider word, String profileFlag, Map<SettingKey, String> flags) {
        IniFile file = ini != null ? ini : IniFile.empty(location.defaultFile());
        String profile = selectProfile(file, word, profileFlag);
        Map<String, String> profileValues = profile == null ? Map.of() : file.section(IniFile.profileSection(profile));
        Map<String, String> aws = file.section(IniFile.AWS);
        Map<String, String> messer = file.section(IniFile.MESSER);

        EnumMap<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        EnumMap<SettingKey, String> sources = new EnumMap<>(SettingKey.class);
        for (SettingKey key : SettingKey.values()) {
            String name = key.iniName();
            if (flags.containsKey(key) && flags.get(key) != null) {
                put(values, sources, key, flags.get(key), COMMAND_LINE);
            } else if (nonBlank(env.get(key.envName()))) {
                put(values, sources, key, env.get(key.envName()), key.envName());
            } else if (profileValues.containsKey(name)) {
                put(values, sources, key, profileValues.get(name), "[" + IniFile.profileSection(profile) + "]");
            } else if (aws.containsKey(name)) {
                put(values, sources, key, aws.get(name), "[aws]");
            } else if (messer.containsKey(name)) {
                put(values, sources, key, messer.get(name), "[messer]");
            } else {
                put(values, sources, key, providerDefault(word, key), "default");
            }
        }
        String declared = values.get(SettingKey.PROVIDER);
        if (!declared.isBlank() && Provider.fromWord(declared.trim()) == null) {
            throw new ConfigException("provider is '" + declared + "' (from " + sources.get(SettingKey.PROVIDER)
                    + "); it must be aws or local");
        }
        if (!declared.isBlank() && Provider.fromWord(declared.trim()) != word) {
            String source = sources.get(SettingKey.PROVIDER);
            boolean named = nonBlank(profileFlag) || nonBlank(env.get("MESSER_PROFILE"));
            if (profile != null && !named && source.equals("[" + IniFile.profileSection(profile) + "]")) {
                throw new ConfigException("the default profile " + profile + " is for provider " + declared.trim()
                        + " and there is no [profile " + word.word() + "]", Hint.of("add one with {} or pick a profile "
                        + "with --profile", word == Provider.AWS ? Hint.aws("configure", "--profile", "NAME", "...")
                        : Hint.local("configure", "--profile", "NAME", "...")));
            }
            if (profile != null && source.equals("[" + IniFile.profileSection(profile) + "]")) {
                throw new ConfigException("profile " + profile + " is for provider " + declared.trim()
                        + ", but the command says " + word.word()
                        + "; use the matching word or pick a profile with --profile");
            }
            throw new ConfigException("provider is " + declared.trim() + " (from " + source + "), but the command says "
                    + word.word() + "; use the matching word or change " + source);
        }
        values.put(SettingKey.PROVIDER, word.word());
        RegionOverrides overrides = profile == null ? RegionOverrides.NONE
                : RegionOverrides.of(profileValues, "[" + IniFile.profileSection(profile) + "]");
        return new Settings(word, profile, ini == null ? null : ini.path(), values, sources, overrides);
    }

    /** The profile a command would use, or null for the legacy sections and defaults. */
    String selectProfile(IniFile file, Provider word, String profileFlag) {
        List<String> profiles = file.profiles();
        String explicit = nonBlank(profileFlag) ? profileFlag.trim()
                : nonBlank(env.get("MESSER_PROFILE")) ? env.get("MESSER_PROFILE").trim() : null;
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
        String declared = file.section(IniFile.profileSection(profile)).get(SettingKey.PROVIDER.iniName());
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

    private String providerDefault(Provider word, SettingKey key) {
        if (word == Provider.LOCAL) {
            switch (key) {
                case MASTER_KEY:
                    return "default";
                case SECRETS_BUCKET:
                    return "secrets";
                case KEYS_BUCKET:
                    return "keys";
                case LOCAL_ROOT:
                    return location.defaultLocalRoot().toString();
                default:
                    break;
            }
        }
        return key.defaultValue();
    }

    /** The local_root setting with {@code ~} expanded. */
    public Path localRoot(Settings settings) {
        return location.expandHome(settings.get(SettingKey.LOCAL_ROOT));
    }

    private static void put(Map<SettingKey, String> values, Map<SettingKey, String> sources, SettingKey key,
                            String value, String source) {
        values.put(key, value == null ? "" : value.trim());
        sources.put(key, source);
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }
}
