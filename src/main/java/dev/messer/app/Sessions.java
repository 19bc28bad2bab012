package dev.messer.app;

import dev.messer.aws.AwsBackend;
import dev.messer.aws.MfaTokenSource;
import dev.messer.backend.Backend;
import dev.messer.config.Provider;
import dev.messer.config.Settings;
import dev.messer.error.ConfigException;
import dev.messer.local.LocalBackend;
import dev.messer.local.PassphraseSource;
import dev.messer.store.StoreNotices;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The composition root: the one place that turns resolved settings into a {@link Session}. Every
 * command, {@code doctor} and {@code quickstart} ask it for their session; nothing else builds a
 * backend. Opening connects nothing: backends make their clients and read key files on first use.
 */
public final class Sessions {

    private final Map<String, String> env;
    private final MfaTokenSource mfa;
    private final PassphraseSource passphrases;
    private final StoreNotices notices;
    private final Consumer<String> warnings;

    /**
     * @param env         the process environment (AWS variables, endpoints)
     * @param mfa         asked for a code when a role is assumed with {@code mfa_serial}
     * @param passphrases asked only if the local master key file is protected by a passphrase
     */
    public Sessions(Map<String, String> env, MfaTokenSource mfa, PassphraseSource passphrases) {
        this(env, mfa, passphrases, StoreNotices.NONE, warning -> { });
    }

    /**
     * @param notices  hears about invalid stored names and format-1 items (the command line prints them)
     * @param warnings hears one-line warnings of the AWS backend (a session cache file refused, for example)
     */
    public Sessions(Map<String, String> env, MfaTokenSource mfa, PassphraseSource passphrases, StoreNotices notices,
                    Consumer<String> warnings) {
        this.env = env;
        this.mfa = mfa;
        this.passphrases = passphrases;
        this.notices = notices;
        this.warnings = warnings;
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
        return new Session<>(settings, new LocalBackend(settings.local(), passphrases), notices);
    }

    public Session<AwsBackend> aws(Settings settings) {
        requireProvider(settings, Provider.AWS);
        return new Session<>(settings, new AwsBackend(settings.aws(), env, mfa, warnings), notices);
    }

    private static void requireProvider(Settings settings, Provider provider) {
        if (settings.provider() != provider) {
            throw new IllegalArgumentException("settings of provider " + settings.provider() + " given for " + provider);
        }
    }
}
