package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import dev.messer.app.LocalKeyFile;
import dev.messer.config.ConfigWriter;
import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import dev.messer.config.Sourced;
import dev.messer.error.ConflictException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code messer configure aws|local [options] [-p]}: writes the given settings into the profile the
 * provider word selects (see {@link ConfigWriter}), then, for {@code local}, creates the master key
 * file if it is missing. {@code -p} prints the effective settings with where each came from.
 */
final class ConfigureCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER).options("[options] [-p]");


    @Parameter(names = {"-p", "--print"}, description = "Print the effective configuration")
    boolean print;
    @ParametersDelegate
    final SettingOptions settingOptions = new SettingOptions();
    @Parameter(names = "--passphrase", description = "Protect the local master key file with a passphrase "
            + "(MESSER_PASSPHRASE, else asked twice on the terminal); an existing unprotected file is sealed in place")
    boolean passphrase;
    @Parameter(names = "--new-master-key", description = "Create a new local master key even though the keys "
            + "folder holds data key versions wrapped by a missing one (they stay unreadable)")
    boolean newMasterKey;

    ConfigureCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        Provider provider = CommandContext.provider(words.get(0));
        if (passphrase && provider != Provider.LOCAL) {
            throw new UsageException("--passphrase protects a local master key file; the aws provider uses KMS");
        }
        if (newMasterKey && provider != Provider.LOCAL) {
            throw new UsageException("--new-master-key creates a local master key file; the aws provider uses KMS");
        }
        Map<Setting, String> values = givenValues();
        if (context.profileName() != null) {
            SettingOptions.oneLine("the profile name (--profile or MESSER_PROFILE)", context.profileName());
        }
        Path path = context.configPath();
        KeyFilePlan[] plan = new KeyFilePlan[1];
        try {
            if (!values.isEmpty()) {
                ConfigWriter.checkLocalNames(provider, values);
                context.createDefaultFileIfMissing();
                NewProfileItemFormat itemFormat = new NewProfileItemFormat(context.sessionsWithoutPrompts(),
                        context.hints());
                ConfigWriter.Written written = new ConfigWriter(context.resolver()).update(path, provider,
                        context.profileName(), values, values.containsKey(Setting.MIN_ITEM_FORMAT)
                                ? ConfigWriter.NewProfile.NOTHING : itemFormat, resolved -> {
                            if (provider == Provider.LOCAL) {
                                plan[0] = planMasterKey(context, resolved);
                            }
                        });
                context.console().info("Wrote " + values.size() + " setting(s) to " + written.where() + " in " + path);
                if (itemFormat.choice() != null) {
                    context.console().info(itemFormat.choice());
                }
            }
            Settings settings = context.settings(provider).validate();
            if (provider == Provider.LOCAL) {
                if (plan[0] == null) {
                    plan[0] = planMasterKey(context, settings);
                }
                plan[0].carryOut(context.console());
            }
            if (print || values.isEmpty()) {
                printSettings(context.console(), settings);
            }
        } finally {
            if (plan[0] != null) {
                PassphrasePrompt.wipe(plan[0].passphrase());
            }
        }
        return ExitCodes.OK;
    }

    /**
     * The settings the options give, and the one {@code --passphrase} writes. {@code --silent} mutes
     * this run, as on every command; {@code --set-silent} is the option that writes {@code silent}.
     */
    private Map<Setting, String> givenValues() {
        Map<Setting, String> values = settingOptions.given();
        if (passphrase) {
            values.put(Setting.MASTER_KEY_PROTECTED, "true");
        }
        return values;
    }

    /**
     * Decides, before anything is written, what happens to the master key file: refuses to create a
     * new key while the keys folder holds versions only the missing key can unwrap (unless
     * {@code --new-master-key}), and takes the new passphrase first, so a refused one changes nothing.
     */
    private KeyFilePlan planMasterKey(CommandContext context, Settings settings) {
        Path root = settings.local().root();
        LocalKeyFile keyFile = context.sessions(Provider.LOCAL).localKeyFile(settings);
        Path file = keyFile.path();
        PassphrasePrompt prompt = new PassphrasePrompt(context.console());
        if (!keyFile.exists()) {
            int stored = keyFile.storedKeyVersions();
            if (stored > 0 && !newMasterKey) {
                throw new ConflictException("master key file " + file + " is missing and keys folder "
                        + root.resolve(settings.local().keysBucket().value()) + " holds " + stored + " data key "
                        + "version(s) that a new master key could not unwrap; restore the key file from your backup, "
                        + "use a keys folder of its own (-k NAME), or add --new-master-key to start over");
            }
            return new KeyFilePlan(keyFile, Action.CREATE, passphrase ? prompt.chooseNew(file) : null, stored);
        }
        keyFile.checkIntact();
        if (newMasterKey) {
            throw new UsageException("--new-master-key: master key file " + file + " exists, so there is nothing to "
                    + "create; it is never replaced by configure");
        }
        if (!passphrase) {
            return new KeyFilePlan(keyFile, Action.NONE, null, 0);
        }
        if (keyFile.isProtected()) {
            return new KeyFilePlan(keyFile, Action.ALREADY_PROTECTED, null, 0);
        }
        return new KeyFilePlan(keyFile, Action.SEAL, prompt.chooseNew(file), 0);
    }

    private enum Action { CREATE, SEAL, ALREADY_PROTECTED, NONE }

    /** What configure does to the local master key file once the configuration is saved. */
    private record KeyFilePlan(LocalKeyFile keyFile, Action action, char[] passphrase, int unreadableVersions) {

        void carryOut(Console console) {
            Path file = keyFile.path();
            if (action == Action.CREATE) {
                keyFile.create(passphrase);
                console.info("Created local master key " + file + " (mode 0600" + (passphrase != null
                        ? ", protected by a passphrase" : "") + "). Back it up: without it nothing encrypted under "
                        + "it can be read.");
                if (unreadableVersions > 0) {
                    console.error("messer: warning: the " + unreadableVersions + " data key version(s) already in the "
                            + "keys folder were wrapped by the old master key and stay unreadable");
                }
            } else if (action == Action.SEAL) {
                keyFile.protect(passphrase);
                console.info("Sealed local master key " + file + " under the passphrase; the key itself is "
                        + "unchanged, so every data key wrapped by it still opens.");
            } else if (action == Action.ALREADY_PROTECTED) {
                console.info("Local master key " + file + " is already protected by a passphrase.");
            }
        }
    }

    static void printSettings(Console console, Settings settings) {
        console.data("# profile: " + (settings.profileName() == null ? "(legacy sections / defaults)"
                : settings.profileName()) + "; file: " + settings.configFile());
        for (Sourced<String> value : settings.listed()) {
            console.data(value.name() + " = " + value.value() + "    ; " + value.from());
        }
    }
}
