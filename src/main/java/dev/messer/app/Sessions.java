package dev.messer.app;

import dev.messer.aws.AwsBackend;
import dev.messer.aws.MfaTokenSource;
import dev.messer.backend.Backend;
import dev.messer.config.Provider;
import dev.messer.config.Settings;
import dev.messer.config.SettingsResolver;
import dev.messer.error.ConfigException;
import dev.messer.local.LocalBackend;
import dev.messer.local.PassphraseSource;
import java.util.Map;

/**
 * The composition root: the one place that turns resolved settings into a {@link Session}. Every
 * command, {@code doctor} and {@code quickstart} ask it for their session; nothing else builds a
 * backend. Opening connects nothing: backends make their clients and read key files on first use.
 */
public final class Sessions {

    private final Map<String, String> env;
    private final SettingsResolver resolver;
    private final MfaTokenSource mfa;
    private final PassphraseSource passphrases;

    /**
     * @param env         the process environment (AWS variables, endpoints)
     * @param mfa         asked for a code when a role is assumed with {@code mfa_serial}
     * @param passphrases asked only if the local master key file is protected by a passphrase
     */
    public Sessions(Map<String, String> env, SettingsResolver resolver, MfaTokenSource mfa,
                    PassphraseSource passphrases) {
        this.env = env;
        this.resolver = resolver;
        this.mfa = mfa;
        this.passphrases = passphrases;
    }

    /** The session of whichever provider the settings name. */
    public Session<? extends Backend> open(Settings settings) {
        if (settings.provider() == Provider.LOCAL) {
            return local(settings);
        }
        if (settings.provider() == Provider.AWS) {
            return aws(settings);
        }
        throw new ConfigException("provider " + settings.provider() + " is not supported");
    }

    public Session<LocalBackend> local(Settings settings) {
        requireProvider(settings, Provider.LOCAL);
        return new Session<>(settings, new LocalBackend(settings, resolver.localRoot(settings), passphrases));
    }

    public Session<AwsBackend> aws(Settings settings) {
        requireProvider(settings, Provider.AWS);
        return new Session<>(settings, new AwsBackend(settings, env, mfa));
    }

    private static void requireProvider(Settings settings, Provider provider) {
        if (settings.provider() != provider) {
            throw new IllegalArgumentException("settings of provider " + settings.provider() + " given for " + provider);
        }
    }
}
