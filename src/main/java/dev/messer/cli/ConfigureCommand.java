package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.LocalKeyFile;
import dev.messer.config.ConfigWriter;
import dev.messer.config.IniFile;
import dev.messer.config.Provider;
import dev.messer.config.SettingKey;
import dev.messer.config.Settings;
import dev.messer.error.ConflictException;
import dev.messer.names.Names;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code messer configure aws|local [options] [-p]}: writes the given settings into the profile the
 * provider word selects (see {@link ConfigWriter}), then, for {@code local}, creates the master key
 * file if it is missing. {@code -p} prints the effective settings with where each came from.
 */
final class ConfigureCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER).options("[options] [-p]");


    @Parameter(names = {"-m", "--master-key"}, description = "Master key: KMS alias without alias/ (aws), key file name (local)")
    String masterKey;
    @Parameter(names = {"-e", "--tier"}, description = "Tier, the first part of every item path")
    String tier;
    @Parameter(names = {"-p", "--print"}, description = "Print the effective configuration")
    boolean print;
    @Parameter(names = {"-b", "--secrets-bucket"}, description = "Secrets bucket (aws) or folder name (local)")
    String secretsBucket;
    @Parameter(names = {"-f", "--secrets-folder"}, description = "Folder under the tier in the secrets bucket")
    String secretsFolder;
    @Parameter(names = {"-k", "--keys-bucket"}, description = "Keys bucket (aws) or folder name (local)")
    String keysBucket;
    @Parameter(names = {"-x", "--encryption-context"}, description = "KMS encryption context pairs: k=v,k2=v2")
    String encryptionContext;
    @Parameter(names = {"-a", "--role-arn"}, description = "Role to assume through STS")
    String roleArn;
    @Parameter(names = {"-s", "--role-session-name"}, description = "Session name for the assumed role")
    String roleSessionName;
    @Parameter(names = {"-n", "--aws-profile"}, description = "Profile in ~/.aws/credentials")
    String awsProfile;
    @Parameter(names = {"-r", "--region"}, description = "AWS region")
    String region;
    @Parameter(names = "--endpoint-url", description = "Endpoint for all AWS services (VPC endpoints, emulators)")
    String endpointUrl;
    @Parameter(names = "--path-style", arity = 1, description = "S3 path-style addressing (true/false)")
    String pathStyle;
    @Parameter(names = "--sse-kms-key-id", description = "KMS key for S3 server-side encryption of every put")
    String sseKmsKeyId;
    @Parameter(names = "--mfa-serial", description = "MFA device ARN for role assumption")
    String mfaSerial;
    @Parameter(names = "--external-id", description = "External id for role assumption")
    String externalId;
    @Parameter(names = "--item-format", description = "1 = what Python Messer 2.0.13 reads; 2 = bound (default)")
    String itemFormat;
    @Parameter(names = "--min-item-format", description = "Oldest item format opened: 1 (default) or 2 to refuse unbound format-1 items")
    String minItemFormat;
    @Parameter(names = "--local-root", description = "Folder for local buckets and master keys (local)")
    String localRoot;
    @Parameter(names = "--passphrase", description = "Protect the local master key file with a passphrase "
            + "(MESSER_PASSPHRASE, else asked twice on the terminal); an existing unprotected file is sealed in place")
    boolean passphrase;
    @Parameter(names = "--new-master-key", description = "Create a new local master key even though the keys "
            + "folder holds data key versions wrapped by a missing one (they stay unreadable)")
    boolean newMasterKey;
    @Parameter(names = "--allow-http", arity = 1, description = "Accept http:// endpoints that are not loopback "
            + "(true/false)")
    String allowHttp;
    @Parameter(names = "--allowed-variables", description = "The only variables items may set in exec and the "
            + "export formats: patterns separated by spaces, such as 'DB_* API_*' ('' removes the list)")
    String allowedVariables;

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
        Map<SettingKey, String> values = givenValues();
        if (context.profileName() != null) {
            oneLine("the profile name (--profile or MESSER_PROFILE)", context.profileName());
        }
        Path path = context.configPath();
        KeyFilePlan[] plan = new KeyFilePlan[1];
        try {
            if (!values.isEmpty()) {
                checkLocalNames(provider, values);
                context.createDefaultFileIfMissing();
                ConfigWriter.Written written = new ConfigWriter(context.resolver()).update(path, provider,
                        context.profileName(), values, resolved -> {
                            if (provider == Provider.LOCAL) {
                                plan[0] = planMasterKey(context, resolved);
                            }
                        });
                context.console().info("Wrote " + values.size() + " setting(s) to " + written.where() + " in " + path);
            }
            Settings settings = context.settings(provider, Map.of()).validate();
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

    /** Local names become file and folder names: refuse a bad one before anything is written. */
    private static void checkLocalNames(Provider provider, Map<SettingKey, String> values) {
        if (provider != Provider.LOCAL) {
            return;
        }
        for (SettingKey key : new SettingKey[] {SettingKey.MASTER_KEY, SettingKey.SECRETS_BUCKET,
                SettingKey.KEYS_BUCKET}) {
            if (values.containsKey(key)) {
                Names.check(key.iniName(), values.get(key));
            }
        }
    }

    private Map<SettingKey, String> givenValues() {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        putIf(values, SettingKey.MASTER_KEY, "--master-key", masterKey);
        putIf(values, SettingKey.TIER, "--tier", tier);
        putIf(values, SettingKey.SECRETS_BUCKET, "--secrets-bucket", secretsBucket);
        putIf(values, SettingKey.SECRETS_FOLDER, "--secrets-folder", secretsFolder);
        putIf(values, SettingKey.KEYS_BUCKET, "--keys-bucket", keysBucket);
        putIf(values, SettingKey.ENCRYPTION_CONTEXT, "--encryption-context", encryptionContext);
        putIf(values, SettingKey.ROLE_ARN, "--role-arn", roleArn);
        putIf(values, SettingKey.ROLE_SESSION_NAME, "--role-session-name", roleSessionName);
        putIf(values, SettingKey.AWS_PROFILE, "--aws-profile", awsProfile);
        putIf(values, SettingKey.REGION, "--region", region);
        putIf(values, SettingKey.ENDPOINT_URL, "--endpoint-url", endpointUrl);
        putIf(values, SettingKey.PATH_STYLE, "--path-style", pathStyle);
        putIf(values, SettingKey.ALLOW_HTTP, "--allow-http", allowHttp);
        putIf(values, SettingKey.SSE_KMS_KEY_ID, "--sse-kms-key-id", sseKmsKeyId);
        putIf(values, SettingKey.MFA_SERIAL, "--mfa-serial", mfaSerial);
        putIf(values, SettingKey.EXTERNAL_ID, "--external-id", externalId);
        putIf(values, SettingKey.ITEM_FORMAT, "--item-format", itemFormat);
        putIf(values, SettingKey.MIN_ITEM_FORMAT, "--min-item-format", minItemFormat);
        putIf(values, SettingKey.LOCAL_ROOT, "--local-root", localRoot);
        putIf(values, SettingKey.ALLOWED_VARIABLES, "--allowed-variables", allowedVariables);
        if (passphrase) {
            values.put(SettingKey.MASTER_KEY_PROTECTED, "true");
        }
        if (common.silent) {
            values.put(SettingKey.SILENT, "true");
        }
        return values;
    }

    /** @throws UsageException naming {@code option} when the value holds a line break or another control character */
    private static void putIf(Map<SettingKey, String> values, SettingKey key, String option, String value) {
        if (value != null) {
            values.put(key, oneLine(option, value));
        }
    }

    private static String oneLine(String what, String value) {
        String bad = IniFile.controlCharacter(value);
        if (bad != null) {
            throw new UsageException(what + " holds the control character " + bad + "; a setting is one line of "
                    + "printable text, so give the value without line breaks or control characters");
        }
        return value;
    }

    /**
     * Decides, before anything is written, what happens to the master key file: refuses to create a
     * new key while the keys folder holds versions only the missing key can unwrap (unless
     * {@code --new-master-key}), and takes the new passphrase first, so a refused one changes nothing.
     */
    private KeyFilePlan planMasterKey(CommandContext context, Settings settings) {
        Path root = context.resolver().localRoot(settings);
        LocalKeyFile keyFile = context.sessions(Provider.LOCAL).localKeyFile(settings);
        Path file = keyFile.path();
        PassphrasePrompt prompt = new PassphrasePrompt(context.console());
        if (!keyFile.exists()) {
            int stored = keyFile.storedKeyVersions();
            if (stored > 0 && !newMasterKey) {
                throw new ConflictException("master key file " + file + " is missing and keys folder "
                        + root.resolve(settings.get(SettingKey.KEYS_BUCKET)) + " holds " + stored + " data key "
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
        for (SettingKey key : SettingKey.values()) {
            String value = settings.get(key);
            if (!value.isEmpty()) {
                console.data(key.iniName() + " = " + value + "    ; " + settings.source(key));
            }
        }
    }
}
