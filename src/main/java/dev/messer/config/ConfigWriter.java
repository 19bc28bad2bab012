package dev.messer.config;

import dev.messer.names.Names;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes settings given to {@code messer configure} into the file, touching only the target
 * section. The target is the named profile; else, for a Messer 2.x file and {@code aws}, the legacy
 * {@code [messer]}/{@code [aws]} sections as Messer wrote them; else the profile the command would
 * use, or a new profile named after the provider word.
 *
 * <p>The file is saved only when the result resolves cleanly for the provider word: a profile for
 * the other provider, or a value that does not parse ({@code item_format = 3}), is refused with a
 * {@link dev.messer.error.ConfigException} and the file is left as it was.
 *
 * <p>{@link #update} holds the file's lock ({@link ConfigFileLock}) while it reads, changes and
 * replaces the file, so concurrent runs each keep their changes. A symbolic link is written
 * through: the file it points at is read, judged by the file-trust rules, locked and replaced.
 */
public final class ConfigWriter {

    /** Keys Messer keeps in {@code [messer]}; all others go to {@code [aws]} in a legacy file. */
    private static final Set<Setting> MESSER_SECTION = EnumSet.of(Setting.MASTER_KEY, Setting.TIER,
            Setting.SILENT);

    private final SettingsResolver resolver;

    public ConfigWriter(SettingsResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * Local names become file and folder names ({@code master_key}, {@code secrets_bucket},
     * {@code keys_bucket}): refuses a bad one before anything is written.
     *
     * @throws dev.messer.names.Names.InvalidNameException naming the setting
     */
    public static void checkLocalNames(Provider word, Map<Setting, String> values) {
        if (word != Provider.LOCAL) {
            return;
        }
        for (Setting setting : new Setting[] {Setting.MASTER_KEY, Setting.SECRETS_BUCKET, Setting.KEYS_BUCKET}) {
            if (values.containsKey(setting)) {
                Names.check(setting.iniName(), values.get(setting));
            }
        }
    }

    /** What was written: the section(s) and the settings the command will now resolve to. */
    public record Written(String where, Settings settings) {
    }

    /**
     * What a profile that {@link #update} creates starts with besides the given values: it sees the
     * settings the new profile resolves to and returns the values to add (none to add nothing).
     */
    @FunctionalInterface
    public interface NewProfile {

        NewProfile NOTHING = settings -> Map.of();

        Map<Setting, String> startingValues(Settings settings);
    }

    /** As {@link #update(Path, Provider, String, Map, NewProfile, Consumer)}, adding nothing to a new profile. */
    public Written update(Path path, Provider word, String explicit, Map<Setting, String> values,
                          Consumer<Settings> beforeSave) {
        return update(path, word, explicit, values, NewProfile.NOTHING, beforeSave);
    }

    /**
     * Under the file's lock: reads it (or starts an empty one), sets the values (and, when this
     * creates the profile, what {@code newProfile} adds), checks the result, lets {@code beforeSave}
     * refuse it, and replaces the file atomically (through a symbolic link, the file it points at).
     *
     * @param beforeSave sees the settings the command will resolve to; throwing leaves the file as it was
     */
    public Written update(Path path, Provider word, String explicit, Map<Setting, String> values,
                          NewProfile newProfile, Consumer<Settings> beforeSave) {
        Path target = IniFile.writeTarget(path);
        return ConfigFileLock.holding(target, () -> {
            IniFile file = Files.exists(target) ? IniFile.load(target) : IniFile.empty(target);
            return apply(file, word, explicit, values, newProfile, beforeSave);
        });
    }

    /**
     * Sets the values, checks the result and saves the file.
     *
     * @param explicit the profile the user named ({@code --profile} or {@code MESSER_PROFILE}), or null
     * @return where the values went ("[profile dev]" or "[messer]/[aws]") and the resolved settings
     */
    public Written apply(IniFile file, Provider word, String explicit, Map<Setting, String> values) {
        return apply(file, word, explicit, values, NewProfile.NOTHING, settings -> { });
    }

    private Written apply(IniFile file, Provider word, String explicit, Map<Setting, String> values,
                          NewProfile newProfile, Consumer<Settings> beforeSave) {
        boolean legacy = explicit == null && word == Provider.AWS && file.profiles().isEmpty()
                && (SettingsResolver.hasLegacySettings(file) || file.hasSection(IniFile.AWS));
        if (legacy) {
            values.forEach((key, value) -> file.set(MESSER_SECTION.contains(key) ? IniFile.MESSER : IniFile.AWS,
                    key.iniName(), value));
            return save(file, "[messer]/[aws]", resolver.resolve(file, word, null, Map.of()), beforeSave);
        }
        String profile = explicit != null ? explicit : targetProfile(file, word);
        String section = IniFile.profileSection(profile);
        boolean created = !file.hasSection(section);
        if (created || file.section(section).get(Setting.PROVIDER.iniName()) == null) {
            file.set(section, Setting.PROVIDER.iniName(), word.word());
        }
        values.forEach((key, value) -> file.set(section, key.iniName(), value));
        if (!file.section(IniFile.MESSER).containsKey(SettingsResolver.DEFAULT_PROFILE) && file.profiles().size() == 1
                && !SettingsResolver.hasLegacySettings(file)) {
            file.set(IniFile.MESSER, SettingsResolver.DEFAULT_PROFILE, profile);
        }
        Settings settings = resolver.resolve(file, word, profile, Map.of());
        if (created) {
            Map<Setting, String> starting = newProfile.startingValues(settings);
            starting.forEach((key, value) -> file.set(section, key.iniName(), value));
            settings = starting.isEmpty() ? settings : resolver.resolve(file, word, profile, Map.of());
        }
        return save(file, "[" + section + "]", settings, beforeSave);
    }

    private static Written save(IniFile file, String where, Settings settings, Consumer<Settings> beforeSave) {
        settings.validate();
        beforeSave.accept(settings);
        file.save();
        return new Written(where, settings);
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
