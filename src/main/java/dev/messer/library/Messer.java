package dev.messer.library;

import dev.messer.app.Prompts;
import dev.messer.app.Session;
import dev.messer.app.Sessions;
import dev.messer.backend.Backend;
import dev.messer.config.CommandDefaults;
import dev.messer.config.ConfigLocation;
import dev.messer.config.IniFile;
import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import dev.messer.config.SettingsResolver;
import dev.messer.error.ConfigException;
import dev.messer.keys.DataKeyCacheBounds;
import dev.messer.store.StoreNotices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Opens a {@link MesserClient} for a JVM service. The profile and configuration file are found as
 * the command line finds them ({@code MESSER_PROFILE}, {@code MESSER_CONFIG}, the default file,
 * {@code default_profile}); every setting resolves in the command line's order, except that a
 * service waits at most {@value #API_CALL_TIMEOUT_SECONDS} s for one AWS call unless
 * {@code api_call_timeout} says otherwise. It never prompts: an MFA code or a passphrase comes from
 * the {@link Prompts} given, else the request is refused.
 *
 * <pre>{@code
 * try (MesserClient messer = Messer.profile("prod").open()) {
 *     String password = messer.field("payments", "db", "password").orElseThrow();
 * }
 * }</pre>
 */
public final class Messer {

    /** The bound on one AWS call (with its retries) of a service, unless the profile sets {@code api_call_timeout}. */
    public static final int API_CALL_TIMEOUT_SECONDS = 15;

    /** How many unwrapped data key versions a client keeps, unless {@link #dataKeyCache} says otherwise. */
    public static final int DATA_KEY_CACHE_MAX_KEYS = 1000;

    /** How long a client keeps a data key after unwrapping it, unless {@link #dataKeyCache} says otherwise. */
    public static final Duration DATA_KEY_CACHE_MAX_AGE = Duration.ofHours(1);

    private final String profile;
    private Path config;
    private Map<String, String> environment = System.getenv();
    private Prompts prompts = Prompts.NEVER;
    private Consumer<String> warnings = warning -> System.getLogger(Messer.class.getName())
            .log(System.Logger.Level.WARNING, warning);
    private Path lastKnownGood;
    private Duration lastKnownGoodMaxAge;
    private Clock clock = Clock.systemUTC();
    private DataKeyCacheBounds keyBounds = new DataKeyCacheBounds(DATA_KEY_CACHE_MAX_KEYS, DATA_KEY_CACHE_MAX_AGE, clock);

    private Messer(String profile) {
        this.profile = profile;
    }

    /** The named profile; null for the command line's choice ({@code MESSER_PROFILE}, else {@code default_profile}). */
    public static Messer profile(String name) {
        return new Messer(name == null || name.isBlank() ? null : name.trim());
    }

    /** The configuration file; by default {@code MESSER_CONFIG}, else the command line's default file. */
    public Messer config(Path file) {
        this.config = file;
        return this;
    }

    /** The environment settings and AWS credentials are read from; by default the process environment. */
    public Messer environment(Map<String, String> env) {
        this.environment = Map.copyOf(env);
        return this;
    }

    /** Where an MFA code or a local master key passphrase comes from; by default none is given. */
    public Messer prompts(Prompts answers) {
        this.prompts = Objects.requireNonNull(answers);
        return this;
    }

    /**
     * Where the one-line warnings go (a store read from the last-known-good copy); by default the
     * platform logger {@code dev.messer.library.Messer}, which the application's logging receives.
     */
    public Messer warnings(Consumer<String> sink) {
        this.warnings = Objects.requireNonNull(sink);
        return this;
    }

    /**
     * Keeps a last-known-good copy of every object read in {@code file} (mode 0600: encrypted items
     * and wrapped data keys, as the stores hold them), and reads from it when a store is unavailable,
     * for entries not older than {@code maxAge}. The master key must still answer.
     */
    public Messer lastKnownGood(Path file, Duration maxAge) {
        this.lastKnownGood = Objects.requireNonNull(file);
        this.lastKnownGoodMaxAge = Objects.requireNonNull(maxAge);
        return this;
    }

    /**
     * Bounds the client's cache of unwrapped data keys: at most {@code maxKeys} versions (the least
     * recently used goes first), each kept at most {@code maxAge} after it was unwrapped (then the
     * next read unwraps it again: one more KMS {@code Decrypt} on AWS). A key that goes is wiped. By
     * default {@value #DATA_KEY_CACHE_MAX_KEYS} keys and {@link #DATA_KEY_CACHE_MAX_AGE one hour}.
     *
     * @throws IllegalArgumentException if {@code maxKeys} is below 1 or {@code maxAge} is not positive
     */
    public Messer dataKeyCache(int maxKeys, Duration maxAge) {
        this.keyBounds = new DataKeyCacheBounds(maxKeys, maxAge, clock);
        return this;
    }

    Messer clock(Clock time) {
        this.clock = time;
        this.keyBounds = new DataKeyCacheBounds(keyBounds.maxKeys(), keyBounds.maxAge(), time);
        return this;
    }

    /**
     * The settings of the profile, resolved as the command line resolves them.
     *
     * @throws ConfigException if the file or the profile does not exist, or a setting is invalid
     */
    public Settings settings() {
        ConfigLocation location = new ConfigLocation(environment);
        Path file = location.resolve(config == null ? null : config.toString());
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist; create it with 'messer aws configure -c "
                    + file + " ...', or name another with MESSER_CONFIG");
        }
        IniFile ini = IniFile.load(file);
        return new SettingsResolver(environment).resolve(ini, provider(ini), profile, Map.of())
                .withDefaults(CommandDefaults.SERVICE);
    }

    /** A client of the profile, with its settings resolved by {@link #settings()}. */
    public MesserClient open() {
        return open(settings());
    }

    /** A client of settings built in code ({@link Settings#of}); the profile and file are not read. */
    public MesserClient open(Settings settings) {
        Sessions sessions = new Sessions(environment, prompts, StoreNotices.NONE, warnings);
        UnaryOperator<Backend> stores = UnaryOperator.identity();
        if (lastKnownGood != null) {
            LastKnownGood copy = LastKnownGood.open(lastKnownGood, lastKnownGoodMaxAge, clock, warnings);
            stores = backend -> new LastKnownGoodBackend(backend, copy);
        }
        Session<Backend> session = sessions.open(settings, stores, keyBounds);
        return new MesserClient(session);
    }

    /** The provider of the profile the command line would pick: its {@code provider}, else aws. */
    private Provider provider(IniFile ini) {
        String name = profile != null ? profile : environment.get("MESSER_PROFILE");
        if (name == null || name.isBlank()) {
            name = ini.section(IniFile.MESSER).get("default_profile");
        }
        if (name == null || name.isBlank()) {
            return Provider.AWS;
        }
        String declared = ini.section(IniFile.profileSection(name.trim())).get(Setting.PROVIDER.iniName());
        Provider provider = declared == null ? null : Provider.fromWord(declared.trim());
        return provider == null ? Provider.AWS : provider;
    }
}
