package dev.messer.config;

import java.util.Map;
import java.util.Optional;

/**
 * The places a setting's value may come from, highest first: command-line flags, {@code MESSER_*}
 * environment variables, the selected {@code [profile NAME]}, then the legacy {@code [aws]} and
 * {@code [messer]} sections. Every lookup goes through {@link #find}, by the setting's names.
 *
 * <p>A value that applies to one region only ({@code SETTING.REGION = value} in a profile) is a
 * lookup of this class too: the typed records are built from the values of one profile alone, so
 * the values of one region can be turned into records of their own the same way, and nothing
 * outside this package needs to know where a value was written.
 */
final class Layers {

    private final Map<Setting, String> flags;
    private final Map<String, String> env;
    private final String profile;
    private final Map<String, String> profileSection;
    private final Map<String, String> awsSection;
    private final Map<String, String> messerSection;

    /** @param profile the selected profile, or null for none */
    Layers(Map<Setting, String> flags, Map<String, String> env, IniFile file, String profile) {
        this.flags = flags;
        this.env = env;
        this.profile = profile;
        this.profileSection = profile == null ? Map.of() : file.section(IniFile.profileSection(profile));
        this.awsSection = file.section(IniFile.AWS);
        this.messerSection = file.section(IniFile.MESSER);
    }

    /** The value of the highest layer that sets {@code setting}, trimmed; empty when none does. */
    Optional<Sourced<String>> find(Setting setting) {
        String name = setting.iniName();
        if (flags.get(setting) != null) {
            return found(setting, flags.get(setting), Source.COMMAND_LINE);
        }
        String variable = env.get(setting.envName());
        if (variable != null && !variable.isBlank()) {
            return found(setting, variable, Source.ENVIRONMENT);
        }
        if (profileSection.containsKey(name)) {
            return found(setting, profileSection.get(name), Source.PROFILE);
        }
        if (awsSection.containsKey(name)) {
            return found(setting, awsSection.get(name), Source.AWS_SECTION);
        }
        if (messerSection.containsKey(name)) {
            return found(setting, messerSection.get(name), Source.MESSER_SECTION);
        }
        return Optional.empty();
    }

    private Optional<Sourced<String>> found(Setting setting, String value, Source source) {
        return Optional.of(new Sourced<>(setting, value.trim(), source, profile));
    }
}
