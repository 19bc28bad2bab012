package dev.messer.config;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes settings given to {@code messer configure} into the file, touching only the target
 * section. The target is the named profile; else, for a Messer 2.x file and {@code aws}, the legacy
 * {@code [messer]}/{@code [aws]} sections as Messer wrote them; else the profile the command would
 * use, or a new profile named after the provider word.
 */
public final class ConfigWriter {

    /** Keys Messer keeps in {@code [messer]}; all others go to {@code [aws]} in a legacy file. */
    private static final Set<SettingKey> MESSER_SECTION = EnumSet.of(SettingKey.MASTER_KEY, SettingKey.TIER,
            SettingKey.SILENT);

    private final SettingsResolver resolver;

    public ConfigWriter(SettingsResolver resolver) {
        this.resolver = resolver;
    }

    /** @return a description of where the values went: "[profile dev]" or "[messer]/[aws]" */
    public String apply(IniFile file, Provider word, String profileFlag, Map<SettingKey, String> values) {
        String explicit = profileFlag;
        boolean legacy = explicit == null && word == Provider.AWS && file.profiles().isEmpty()
                && (SettingsResolver.hasLegacySettings(file) || file.hasSection(IniFile.AWS));
        if (legacy) {
            values.forEach((key, value) -> file.set(MESSER_SECTION.contains(key) ? IniFile.MESSER : IniFile.AWS,
                    key.iniName(), value));
            file.save();
            return "[messer]/[aws]";
        }
        String profile = explicit != null ? explicit : targetProfile(file, word);
        String section = IniFile.profileSection(profile);
        if (!file.hasSection(section) || file.section(section).get(SettingKey.PROVIDER.iniName()) == null) {
            file.set(section, SettingKey.PROVIDER.iniName(), word.word());
        }
        values.forEach((key, value) -> file.set(section, key.iniName(), value));
        if (!file.section(IniFile.MESSER).containsKey(SettingsResolver.DEFAULT_PROFILE) && file.profiles().size() == 1
                && !SettingsResolver.hasLegacySettings(file)) {
            file.set(IniFile.MESSER, SettingsResolver.DEFAULT_PROFILE, profile);
        }
        file.save();
        return "[" + section + "]";
    }

    private String targetProfile(IniFile file, Provider word) {
        String selected;
        try {
            selected = resolver.selectProfile(file, word, null);
        } catch (RuntimeException e) {
            selected = null;
        }
        if (selected != null && SettingsResolver.matches(file, selected, word)) {
            return selected;
        }
        return word.word();
    }
}
