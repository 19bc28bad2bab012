package dev.messer.app;

import dev.messer.aws.AwsBackend;
import dev.messer.aws.AwsClientFactory;
import dev.messer.aws.AwsEnvironment;
import dev.messer.backend.Backend;
import dev.messer.config.Provider;
import dev.messer.config.Settings;
import dev.messer.config.SettingsResolver;
import dev.messer.error.ConfigException;
import dev.messer.local.LocalBackend;
import dev.messer.local.LocalMasterKeyFile;
import dev.messer.names.Names;
import dev.messer.store.StoreNotices;
import dev.messer.config.SettingKey;
import dev.messer.regions.DownMarks;
import dev.messer.regions.FileDownMarks;
import dev.messer.regions.RegionalReads;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The composition root: the one place that turns resolved settings into a {@link Session}, an
 * {@link AdminSession} or a {@link LocalKeyFile}. Every command, {@code doctor}, {@code quickstart}
 * and completion ask it; nothing else builds a backend or AWS clients. Opening connects nothing:
 * backends make their clients and read key files on first use.
 */
public final class Sessions {

    private final Map<String, String> env;
    private final SettingsResolver resolver;
    private final Prompts prompts;
    private final StoreNotices notices;
    private final Consumer<String> warnings;

    /**
     * @param env     the process environment (AWS variables, endpoints)
     * @param prompts asked for an MFA code when a role is assumed with {@code mfa_serial}, and for the
     *                passphrase of a protected local master key file; {@link Prompts#NEVER} for runs
     *                that must never wait for an answer
     */
    public Sessions(Map<String, String> env, SettingsResolver resolver, Prompts prompts) {
        this(env, resolver, prompts, StoreNotices.NONE, warning -> { });
    }

    /**
     * @param notices  hears about invalid stored names and format-1 items (the command line prints them)
     * @param warnings hears one-line warnings of the AWS backend (a session cache file refused, for example)
     */
    public Sessions(Map<String, String> env, SettingsResolver resolver, Prompts prompts, StoreNotices notices,
                    Consumer<String> warnings) {
        this.env = env;
        this.resolver = resolver;
        this.prompts = prompts;
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
        return new Session<>(settings, new LocalBackend(settings, resolver.localRoot(settings), prompts::passphrase),
                notices);
    }

    public Session<AwsBackend> aws(Settings settings) {
        requireProvider(settings, Provider.AWS);
        List<String> regions = settings.regions();
        if (regions.isEmpty()) {
            return new Session<>(settings, new AwsBackend(settings, clients(settings)), notices);
        }
        boolean forced = settings.source(SettingKey.REGION).equals(SettingsResolver.COMMAND_LINE);
        String nearest = nearest(settings, regions, forced);
        Map<String, Backend> writers = new LinkedHashMap<>();
        Map<String, Backend> readers = new LinkedHashMap<>();
        for (String region : regions) {
            Settings own = settings.forRegion(region);
            AwsBackend writer = new AwsBackend(own, clients(own));
            writers.put(region, writer);
            boolean tuned = region.equals(nearest) && !forced;
            readers.put(region, tuned ? new AwsBackend(own.forFailoverReads(), clients(own.forFailoverReads())) : writer);
        }
        DownMarks marks = new FileDownMarks(downMarkFolder(), region -> settings.forRegion(region)
                .get(SettingKey.SECRETS_BUCKET), Clock.systemUTC());
        RegionalReads reads = new RegionalReads(regions, nearest, forced, marks, notices::failedOver);
        AwsBackend home = (AwsBackend) writers.get(regions.get(0));
        return new Session<>(settings, home, notices, new RegionalBackends(regions, writers, readers, reads));
    }

    /**
     * The region reads start at: the one named with {@code --region}, else the region the AWS SDK's
     * chain resolves (setting, {@code AWS_REGION}, the AWS profile, the instance) when it is one of
     * {@code regions}, else the home region.
     */
    private String nearest(Settings settings, List<String> regions, boolean forced) {
        String named = settings.get(SettingKey.REGION);
        if (forced && !regions.contains(named)) {
            throw new ConfigException("--region " + named + " is not one of the profile's regions ("
                    + String.join(" ", regions) + "); name one of them");
        }
        if (forced) {
            return named;
        }
        try (AwsClientFactory probe = clients(settings)) {
            String resolved = probe.region().id();
            return regions.contains(resolved) ? resolved : regions.get(0);
        } catch (ConfigException noRegion) {
            return regions.get(0);
        }
    }

    private Path downMarkFolder() {
        String cache = env.get("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cache");
        return base.resolve("messer").resolve("regions");
    }

    /** The session of the aws administration commands: the profile's settings and AWS clients, no stores. */
    public AdminSession admin(Settings settings) {
        requireProvider(settings, Provider.AWS);
        return new AdminSession(settings, clients(settings));
    }

    /** The master key file of a local profile, which configure and quickstart create and seal. */
    public LocalKeyFile localKeyFile(Settings settings) {
        requireProvider(settings, Provider.LOCAL);
        return new LocalKeyFile(LocalMasterKeyFile.pathFor(resolver.localRoot(settings),
                Names.check("master key name", settings.masterKey())), () -> {
                    try (Session<LocalBackend> session = local(settings)) {
                        return session.backend().storedKeyVersions();
                    }
                });
    }

    private AwsClientFactory clients(Settings settings) {
        return new AwsClientFactory(settings, new AwsEnvironment(env), prompts::mfaCode, warnings);
    }

    private static void requireProvider(Settings settings, Provider provider) {
        if (settings.provider() != provider) {
            throw new IllegalArgumentException("settings of provider " + settings.provider() + " given for " + provider);
        }
    }
}
