package dev.messer.app;

import dev.messer.aws.AwsBackend;
import dev.messer.aws.AwsClientFactory;
import dev.messer.aws.AwsEnvironment;
import dev.messer.backend.Backend;
import dev.messer.config.Provider;
import dev.messer.config.Settings;
import dev.messer.error.ConfigException;
import dev.messer.keys.DataKeyCacheBounds;
import dev.messer.local.LocalBackend;
import dev.messer.local.LocalMasterKeyFile;
import dev.messer.names.Names;
import dev.messer.store.StoreNotices;
import dev.messer.regions.DownMarks;
import dev.messer.regions.FileDownMarks;
import dev.messer.regions.RegionalReads;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** The session of whichever provider the settings name; a profile with {@code regions} fails over. */
    public Session<? extends Backend> open(Settings settings) {
        if (settings.provider() == Provider.LOCAL) {
            return local(settings);
        }
        if (settings.provider() == Provider.AWS) {
            return aws(settings);
        }
        throw new ConfigException("provider " + settings.provider() + " is not supported");
    }

    /**
     * The session of whichever provider the settings name, over the backend as {@code decorate}
     * returns it: the library's last-known-good copy sees every read of the stores this way. It
     * reads the home region of a profile with {@code regions}, without fail-over, and keeps the data
     * keys it unwraps within {@code keyBounds}.
     */
    public Session<Backend> open(Settings settings, UnaryOperator<Backend> decorate, DataKeyCacheBounds keyBounds) {
        if (settings.provider() != Provider.LOCAL && settings.provider() != Provider.AWS) {
            throw new ConfigException("provider " + settings.provider() + " is not supported");
        }
        Backend backend = settings.provider() == Provider.LOCAL ? localBackend(settings) : awsBackend(home(settings));
        return new Session<>(settings, decorate.apply(backend), notices, null, keyBounds);
    }

    private static Settings home(Settings settings) {
        return settings.regions().isEmpty() ? settings : settings.forRegion(settings.regions().get(0));
    }

    public Session<LocalBackend> local(Settings settings) {
        return new Session<>(settings, localBackend(settings), notices);
    }

    public Session<AwsBackend> aws(Settings settings) {
        requireProvider(settings, Provider.AWS);
        List<String> regions = settings.regions();
        if (regions.isEmpty()) {
            return new Session<>(settings, awsBackend(settings), notices);
        }
        Optional<String> named = settings.regionNamedOnCommandLine();
        boolean forced = named.isPresent();
        String nearest = nearest(settings, regions, named);
        Map<String, Backend> writers = new LinkedHashMap<>();
        Map<String, Backend> readers = new LinkedHashMap<>();
        for (String region : regions) {
            Settings own = settings.forRegion(region);
            AwsBackend writer = awsBackend(own);
            writers.put(region, writer);
            boolean tuned = region.equals(nearest) && !forced;
            Settings fast = own.forFailoverReads();
            readers.put(region, tuned ? awsBackend(fast) : writer);
        }
        DownMarks marks = new FileDownMarks(downMarkFolder(), region -> settings.forRegion(region)
                .aws().secretsBucket().value(), Clock.systemUTC());
        RegionalReads reads = new RegionalReads(regions, nearest, forced, marks, notices::failedOver);
        AwsBackend home = (AwsBackend) writers.get(regions.get(0));
        return new Session<>(settings, home, notices, new RegionalBackends(regions, writers, readers, reads));
    }

    private LocalBackend localBackend(Settings settings) {
        requireProvider(settings, Provider.LOCAL);
        return new LocalBackend(settings.local(), prompts::passphrase);
    }

    private AwsBackend awsBackend(Settings settings) {
        requireProvider(settings, Provider.AWS);
        return new AwsBackend(settings.aws(), clients(settings));
    }

    /**
     * The region reads start at: the one named with {@code --region}, else the region the AWS SDK's
     * chain resolves (setting, {@code AWS_REGION}, the AWS profile, the instance) when it is one of
     * {@code regions}, else the home region.
     */
    private String nearest(Settings settings, List<String> regions, Optional<String> named) {
        if (named.isPresent() && !regions.contains(named.get())) {
            throw new ConfigException("--region " + named.get() + " is not one of the profile's regions ("
                    + String.join(" ", regions) + "); name one of them");
        }
        if (named.isPresent()) {
            return named.get();
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
