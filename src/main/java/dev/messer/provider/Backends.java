package dev.messer.provider;

import dev.messer.aws.AwsBackend;
import dev.messer.config.Settings;
import dev.messer.config.SettingsResolver;
import dev.messer.error.ConfigException;
import dev.messer.masterkey.PassphraseSource;
import java.util.Map;
import java.util.function.Consumer;

/** Opens the backend the settings name. Connects nothing: backends are lazy. */
public final class Backends {

    private Backends() {
    }

    public static Backend open(Settings settings, SettingsResolver resolver, Map<String, String> env,
                               MfaTokenSource mfa) {
        return open(settings, resolver, env, mfa, PassphraseSource.fromEnvironment(env));
    }

    public static Backend open(Settings settings, SettingsResolver resolver, Map<String, String> env,
                               MfaTokenSource mfa, PassphraseSource passphrases) {
        return open(settings, resolver, env, mfa, passphrases, warning -> { });
    }

    /**
     * @param passphrases for a passphrase-protected local master key file
     * @param warnings    one-line warnings for the user (an unusable cached AWS session)
     */
    public static Backend open(Settings settings, SettingsResolver resolver, Map<String, String> env,
                               MfaTokenSource mfa, PassphraseSource passphrases, Consumer<String> warnings) {
        switch (settings.provider()) {
            case LOCAL:
                return new LocalBackend(settings, resolver.localRoot(settings), passphrases);
            case AWS:
                return new AwsBackend(settings, env, mfa, warnings);
            default:
                throw new ConfigException("provider " + settings.provider() + " is not supported");
        }
    }
}
