package dev.messer.config;

/**
 * Where a setting's value came from, in the resolution order: a command-line flag, a
 * {@code MESSER_*} environment variable, the selected {@code [profile NAME]}, the legacy
 * {@code [aws]} then {@code [messer]} sections of Messer 2.x, or the built-in default. Values that
 * a program hands over itself ({@link Settings#of}) are {@link #GIVEN}.
 */
public enum Source {
    COMMAND_LINE,
    ENVIRONMENT,
    PROFILE,
    AWS_SECTION,
    MESSER_SECTION,
    GIVEN,
    DEFAULT;

    /** True for the sections Messer 2.x wrote, {@code [aws]} and {@code [messer]}. */
    public boolean isLegacySection() {
        return this == AWS_SECTION || this == MESSER_SECTION;
    }

    /**
     * How messages and {@code configure -p} name it: {@code command line}, the variable
     * ({@code MESSER_TIER}), the section ({@code [profile dev]}, {@code [aws]}), {@code given} or
     * {@code default}.
     *
     * @param profile the profile in use, for {@link #PROFILE}
     */
    public String describe(Setting setting, String profile) {
        return switch (this) {
            case COMMAND_LINE -> "command line";
            case ENVIRONMENT -> setting.envName();
            case PROFILE -> "[" + IniFile.profileSection(profile) + "]";
            case AWS_SECTION -> "[" + IniFile.AWS + "]";
            case MESSER_SECTION -> "[" + IniFile.MESSER + "]";
            case GIVEN -> "given";
            case DEFAULT -> "default";
        };
    }
}
