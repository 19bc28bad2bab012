package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.app.Sessions;
import dev.messer.aws.MfaTokenSource;
import dev.messer.config.CommandDefaults;
import dev.messer.config.ConfigLocation;
import dev.messer.config.IniFile;
import dev.messer.config.Provider;
import dev.messer.config.Settings;
import dev.messer.config.SettingsResolver;
import dev.messer.error.ConfigException;
import dev.messer.local.PassphraseSource;
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
    private boolean warnedGroupWritable;

    public CommandContext(Console console, CommonOptions common) {
        this.console = console;
        this.common = common;
        this.location = new ConfigLocation(console.env());
        this.resolver = new SettingsResolver(console.env());
    }

    public Console console() {
        return console;
    }

    public CommonOptions common() {
        return common;
    }

    public SettingsResolver resolver() {
        return resolver;
    }

    public ConfigLocation location() {
        return location;
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
            throw new ConfigException("config file " + path + " does not exist; check the path, or create it with "
                    + "'messer configure aws|local -c " + path + " ...'");
        }
        IniFile file = IniFile.load(path);
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
        return new Sessions(console.env(), mfaPrompt(), passphrasePrompt(),
                new NoticePrinter(console, provider.word()), warnings());
    }

    /** Warnings from below the command (an unusable cached AWS session), one line each on stderr. */
    public Consumer<String> warnings() {
        return line -> console.error("warning: " + line);
    }

    /** The passphrase of a protected local master key: MESSER_PASSPHRASE, else asked on the terminal. */
    public PassphraseSource passphrasePrompt() {
        return new PassphrasePrompt(console)::existing;
    }

    /** MFA codes from MESSER_MFA_TOKEN, else from the terminal. */
    public MfaTokenSource mfaPrompt() {
        return serial -> {
            String fromEnv = console.env().get("MESSER_MFA_TOKEN");
            if (fromEnv != null && !fromEnv.isBlank()) {
                return fromEnv.trim();
            }
            if (!console.terminal().interactive()) {
                throw new UsageException("role assumption needs an MFA code for " + serial
                        + " and there is no terminal to ask on; set MESSER_MFA_TOKEN");
            }
            String code = console.terminal().readLine("MFA code for " + serial + ": ");
            if (code == null || code.isBlank()) {
                throw new UsageException("no MFA code was entered for " + serial);
            }
            return code.trim();
        };
    }
}
