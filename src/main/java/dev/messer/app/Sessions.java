package dev.messer.app;

import dev.messer.aws.AwsBackend;
import dev.messer.aws.AwsClientFactory;
import dev.messer.aws.AwsEnvironment;
import dev.messer.backend.Backend;
import dev.messer.config.Provider;
import dev.messer.config.Settings;
import dev.messer.error.ConfigException;
import dev.messer.local.LocalBackend;
import dev.messer.local.LocalMasterKeyFile;
import dev.messer.names.Names;
import dev.messer.store.StoreNotices;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The composition root: the one place that turns resolved settings into a {@link Session}, an
 * {@link AdminSession} or a {@link LocalKeyFile}. Every command, {@code doctor}, {@code quickstart}
 * and completion ask it; nothing else builds a backend or AWS clients. Opening connects nothing:
 * backends make their clients and read key files on first use.
 */
public final class Sessions {

    private final Map<String, String> env;
    private final Prompts prompts;
    private final StoreNotices notices;
    private final Consumer<String> warnings;

    /**
     * @param env     the process environment (AWS variables, endpoints)
     * @param prompts asked for an MFA code when a role is assumed with {@code mfa_serial}, and for the
     *                passphrase of a protected local master key file; {@link Prompts#NEVER} for runs
     *                that must never wait for an answer
     */
    public Sessions(Map<String, String> env, Prompts prompts) {
        this(env, prompts, StoreNotices.NONE, warning -> { });
    }

    /**
     * @param notices  hears about invalid stored names and format-1 items (the command line prints them)
     * @param warnings hears one-line warnings of the AWS backend (a session cache file refused, for example)
     */
    public Sessions(Map<String, String> env, Prompts prompts, StoreNotices notices, Consumer<String> warnings) {
        this.env = env;
        this.prompts = prompts;
        this.notices = notices;
        this.warnings = warnings;
    }

    /** The session of whichever provider the settings name. */
    public Session<? extends Backend> open(Settings settings) {
        return open(settings, UnaryOperator.identity());
    }

    /**
     * The session of whichever provider the settings name, over the backend as {@code decorate}
     * returns it: the library's last-known-good copy sees every read of the stores this way.
     */
    public Session<Backend> open(Settings settings, UnaryOperator<Backend> decorate) {
        if (settings.provider() != Provider.LOCAL && settings.provider() != Provider.AWS) {
            throw new ConfigException("provider " + settings.provider() + " is not supported");
        }
        Backend backend = settings.provider() == Provider.LOCAL ? localBackend(settings) : awsBackend(settings);
        return new Session<>(settings, decorate.apply(backend), notices);
    }

    public Session<LocalBackend> local(Settings settings) {
        return new Session<>(settings, localBackend(settings), notices);
    }

    public Session<AwsBackend> aws(Settings settings) {
        return new Session<>(settings, awsBackend(settings), notices);
    }

    private LocalBackend localBackend(Settings settings) {
        requireProvider(settings, Provider.LOCAL);
        return new LocalBackend(settings.local(), prompts::passphrase);
    }

    private AwsBackend awsBackend(Settings settings) {
        requireProvider(settings, Provider.AWS);
        return new AwsBackend(settings.aws(), clients(settings));
    }

    /** The session of the aws administration commands: the profile's settings and AWS clients, no stores. */
    public AdminSession admin(Settings settings) {
        requireProvider(settings, Provider.AWS);
        return new AdminSession(settings, clients(settings));
    }

    /** The master key file of a local profile, which configure and quickstart create and seal. */
    public LocalKeyFile localKeyFile(Settings settings) {
        requireProvider(settings, Provider.LOCAL);
        return new LocalKeyFile(LocalMasterKeyFile.pathFor(settings.local().root(),
                Names.check("master key name", settings.local().masterKey().value())), () -> {
                    try (Session<LocalBackend> session = local(settings)) {
                        return session.backend().storedKeyVersions();
                    }
                });
    }

    private AwsClientFactory clients(Settings settings) {
        return new AwsClientFactory(settings.aws(), new AwsEnvironment(env), prompts::mfaCode, warnings);
    }

    private static void requireProvider(Settings settings, Provider provider) {
        if (settings.provider() != provider) {
            throw new IllegalArgumentException("settings of provider " + settings.provider() + " given for " + provider);
        }
    }
}
