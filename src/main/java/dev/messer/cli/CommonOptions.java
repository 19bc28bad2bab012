package dev.messer.cli;

import com.beust.jcommander.Parameter;

/** Options every command that reads a configuration accepts. */
public final class CommonOptions {

    @Parameter(names = {"-c", "--config"}, description = "Configuration file (default: $XDG_CONFIG_HOME/messer/messer.ini)")
    public String config;

    @Parameter(names = "--profile", description = "Profile to use (default: MESSER_PROFILE, then default_profile)")
    public String profile;

    @Parameter(names = "--silent", description = "Print only the data asked for, and errors")
    public boolean silent;

    @Parameter(names = "--debug", description = "Show stack traces on errors")
    public boolean debug;

    @Parameter(names = {"-h", "--help"}, help = true, description = "Show this help")
    public boolean help;
}
