package dev.messer.cli;

import dev.messer.app.Prompts;
import dev.messer.app.Session;
import dev.messer.app.Sessions;
import dev.messer.config.CommandDefaults;
import dev.messer.config.ConfigLocation;
import dev.messer.config.IniFile;
import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import dev.messer.config.SettingsResolver;
import dev.messer.error.ConfigException;
import dev.messer.error.Hint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/** Turns the common options of a parsed command into configuration, settings and a session. */
public final class CommandContext {

    private final Console console;
    private final CommonOptions common;
    private final ConfigLocation location;
    private final SettingsResolver resolver;
    private final Hints hints;
    private boolean warnedGroupWritable;

    /** @param hints renders the hints of this run for the user (their provider word, --profile and -c) */
    public CommandContext(Console console, CommonOptions common, Hints hints) {
        this.console = console;
        this.common = common;
        this.location = new ConfigLocation(console.env());
        this.resolver = new SettingsResolver(console.env());
        this.hints = hints;
    }

    /** This run with other common options (the configuration a bulk command names), and the same hints. */
    public CommandContext with(CommonOptions options) {
        return new CommandContext(console, options, hints);
    }

    public Console console() {
        return console;
    }

    public CommonOptions common() {
        return common;
    }

    /** Renders hints as the user who runs this command can run them. */
    public Hints hints() {
        return hints;
    }

    public SettingsResolver resolver() {
        return resolver;
    }

    public static Provider provider(String word) {
        Provider provider = Provider.fromWord(word);
        if (provider == null) {
            throw new UsageException("'" + word + "' is not a provider; use aws or local");
        }
        return provider;
    }

    /** The configuration file path for this command (-c, MESSER_CONFIG or the default). */
    public Path configPath() {
        return location.resolve(common.config);
    }

    /**
     * Loads the configuration file. The default file is created from the template on first use; a
     * file named with -c or MESSER_CONFIG must exist.
     */
    public IniFile loadConfig() {
        Path path = configPath();
        createDefaultFileIfMissing();
        if (location.isNamed(common.config) && !Files.exists(path)) {
            throw new ConfigException("config file " + path + " does not exist", Hint.of("check the path, or create "
                    + "it with {}", Hint.command("configure", "-c", path.toString(), "...")));
        }
        IniFile file = IniFile.load(path);
        StartupTrace.mark("configuration read");
        warnIfGroupWritable(file);
        return file;
    }

    /** One warning line per command for a group-writable configuration file. */
    public void warnIfGroupWritable(IniFile file) {
        if (file.groupWritable() && !warnedGroupWritable) {
            warnedGroupWritable = true;
            console.error("messer: warning: config file " + file.path() + " is writable by its group, who could "
                    + "change where secrets go; run 'chmod g-w " + file.path() + "'");
        }
    }

    /** Creates the default file from the template on first use; a named file is never created here. */
    public void createDefaultFileIfMissing() {
        if (!location.isNamed(common.config) && location.createFromTemplateIfMissing(configPath())) {
            console.info("Created configuration file " + configPath() + " from the template.");
        }
    }

    /** The profile the user named: {@code --profile}, else MESSER_PROFILE, else null. */
    public String profileName() {
        return resolver.namedProfile(common.profile);
    }

    public Settings settings(Provider provider) {
        return silencedBy(resolver.resolve(loadConfig(), provider, common.profile, Map.of()));
    }

    /** The settings as {@code doctor} checks them: a bad allow-list is kept apart for a check of its own. */
    public SettingsResolver.Diagnosis diagnosis(Provider provider) {
        SettingsResolver.Diagnosis diagnosis = resolver.diagnose(loadConfig(), provider, common.profile);
        silencedBy(diagnosis.settings());
        return diagnosis;
    }

    private Settings silencedBy(Settings settings) {
        if (settings.common().silent() && !common.silent) {
            console.silent(true);
        }
        return settings;
    }

    public Session<?> session(String providerWord) {
        return session(providerWord, CommandDefaults.STANDARD);
    }

    /** A session with settings given as command-line flags ({@code --region}). */
    public Session<?> sessionWith(String providerWord, Map<Setting, String> flags) {
        Provider provider = provider(providerWord);
        Session<?> session = sessions(provider).open(silencedBy(resolver.resolve(loadConfig(), provider, common.profile, flags)));
        StartupTrace.mark("session");
        return session;
    }

    /**
     * A session whose settings take {@code defaults} where nothing set a value (bulk commands use
     * adaptive retries unless the user chose otherwise).
     */
    public Session<?> session(String providerWord, CommandDefaults defaults) {
        Provider provider = provider(providerWord);
        return sessions(provider).open(settings(provider).withDefaults(defaults));
    }

    /**
     * The composition root, with this command's prompts for MFA codes and passphrases, and its
     * printers for store notices and warnings.
     */
    public Sessions sessions(Provider provider) {
        return new Sessions(console.env(), new TerminalPrompts(console),
                new NoticePrinter(console, hints.forProvider(provider.word())), warnings());
    }

    /**
     * The composition root in the mode that never asks (no MFA code, no passphrase) and prints
     * nothing: what it cannot open without asking fails, for the caller to pass over quietly.
     */
    public Sessions sessionsWithoutPrompts() {
        return new Sessions(console.env(), Prompts.NEVER);
    }

    /** Warnings from below the command (an unusable cached AWS session), one line each on stderr. */
    public Consumer<String> warnings() {
        return line -> console.error("warning: " + line);
    }
}
