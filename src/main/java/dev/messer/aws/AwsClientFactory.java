package dev.messer.aws;

import dev.messer.config.AwsSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.SsoClientBuilder;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The one place that turns settings into AWS SDK clients. Every client is built on first use (a
 * command that lists items makes an S3 client and nothing else), shares one HTTP client and one
 * {@link TimeoutTimer}, takes its timeouts and retries from {@link ClientTuning}, and is closed with
 * the factory. Credentials: {@link CredentialSources}, then {@code role_arn} through STS when set, as
 * a {@link RoleSession} kept in the {@link SessionCache} unless {@code cache_sessions = false}.
 * Region: {@link ProfileRegion}. Endpoints: {@link AwsEndpoints}. Reads: {@link LeanReads}.
 */
public final class AwsClientFactory implements AutoCloseable {

    private final AwsSettings settings;
    private final AwsEnvironment env;
    private final AwsEndpoints endpoints;
    private final MfaTokenSource mfa;
    private final Consumer<String> warnings;
    private final ClientTuning tuning;
    private final List<AwsService> created = new ArrayList<>();
    private final List<SdkAutoCloseable> toClose = new ArrayList<>();
    private final ThrottledAnswers throttled = new ThrottledAnswers();
    private final TimeoutTimer timeouts = new TimeoutTimer();
    private final LeanReads lean;

    private DeferredTlsHttpClient http;
    private CredentialSource base;
    private RoleSession roleSession;
    private AwsCredentialsProvider credentials;
    private Region region;
    private S3Client s3;
    private KmsClient kms;
    private IamClient iam;
    private String callerArn;
    private GetCallerIdentityResponse callerIdentity;
    private boolean closed;

    public AwsClientFactory(AwsSettings settings, AwsEnvironment env, MfaTokenSource mfa) {
        this(settings, env, mfa, message -> { });
    }

    /** @param warnings receives one-line warnings (an unusable cached session) for the user */
    public AwsClientFactory(AwsSettings settings, AwsEnvironment env, MfaTokenSource mfa, Consumer<String> warnings) {
        this.settings = settings;
        this.env = env;
        this.endpoints = new AwsEndpoints(settings.endpoints(), env);
        this.mfa = mfa;
        this.warnings = warnings;
        this.tuning = ClientTuning.from(settings);
        toClose.add(timeouts); // closed last
        this.lean = new LeanReads(settings, env, endpoints, () -> region().id(), this::http, this::credentials, tuning,
                throttled, timeouts::executor);
    }

    /** S3 GetObject for the stores' reads: signed requests ({@link LeanReads}) while no S3 client was built. */
    synchronized ObjectGet objectGet() {
        checkOpen();
        return lean.serves(s3 != null) ? lean.objects() : ObjectGet.of(s3());
    }

    /** KMS Decrypt for the master key's unwrap: a signed request ({@link LeanReads}) while no KMS client was built. */
    synchronized KmsDecrypt kmsDecrypt() {
        checkOpen();
        return lean.serves(kms != null) ? lean.decrypt() : KmsDecrypt.of(kms());
    }

    /** When reads take the lean path (tests pin it to {@code ALWAYS} or {@code NEVER}). */
    void leanReads(LeanReads.Use use) {
        lean.use(use);
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            S3ClientBuilder builder = configure(S3Client.builder(), AwsService.S3, credentials())
                    .forcePathStyle(settings.pathStyle());
            Optional<URI> plainHttp = endpoints.endpointFor(AwsService.S3).filter(u -> "http".equals(u.getScheme()));
            builder.overrideConfiguration(o -> {
                tune(o);
                o.addExecutionInterceptor(throttled);
                o.addExecutionInterceptor(new S3ListingOrder());
                o.addExecutionInterceptor(new NoExpectContinue());
                settings.expectedBucketOwner().ifPresent(a -> o.addExecutionInterceptor(new ExpectedBucketOwner(a)));
                plainHttp.ifPresent(url -> o.addExecutionInterceptor(new PlainHttpRefusal(url)));
            });
            s3 = remember(AwsService.S3, builder.build());
        }
        return s3;
    }

    public synchronized KmsClient kms() {
        if (kms == null) {
            kms = remember(AwsService.KMS, configure(KmsClient.builder(), AwsService.KMS, credentials())
                    .overrideConfiguration(o -> tune(o).addExecutionInterceptor(throttled)).build());
        }
        return kms;
    }

    /** IAM (the replication role of {@code regions}): global, at {@code endpoint_url} when that is set. */
    public synchronized IamClient iam() {
        iam = iam != null ? iam : remember(AwsService.IAM, configure(IamClient.builder(), AwsService.IAM,
                credentials()).region(Region.of(AwsPartition.globalRegion(region().id()))).build());
        return iam;
    }

    /** How many S3 and KMS answers so far said AWS was throttling this process ({@link ThrottledAnswers}). */
    public long throttledAnswers() {
        return throttled.count();
    }

    /** The services a client was built for so far, in order (for tests and --debug). */
    public synchronized List<AwsService> createdClients() {
        return List.copyOf(created);
    }

    public synchronized Region region() {
        if (region == null) {
            region = ProfileRegion.of(settings, env);
        }
        return region;
    }

    /**
     * The ARN of the identity the S3 and KMS clients act as (the assumed role when {@code role_arn}
     * is set), from STS GetCallerIdentity, asked once.
     */
    public synchronized String callerArn() {
        if (callerArn == null) {
            try {
                callerArn = sts(credentials()).getCallerIdentity().arn();
            } catch (SdkException e) {
                throw AwsErrors.translate(e, "STS", "sts:GetCallerIdentity", "the caller identity");
            }
        }
        return callerArn;
    }

    /**
     * Who the credentials are: one {@code sts:GetCallerIdentity} call with the caller's own
     * credentials (before any {@code role_arn} is assumed), made once per factory.
     */
    public synchronized GetCallerIdentityResponse callerIdentity() {
        if (callerIdentity == null) {
            try {
                callerIdentity = sts(base()).getCallerIdentity();
            } catch (SdkException e) {
                throw AwsErrors.translate(e, "STS", "sts:GetCallerIdentity", "the caller's credentials");
            }
        }
        return callerIdentity;
    }

    /** The endpoint each service is reached at: an override ({@code https://...}), or empty for the public one. */
    public Optional<URI> endpoint(AwsService service) {
        return endpoints.endpointFor(service);
    }

    /** Where S3 or KMS is called, for messages: the override, or the region's public endpoint; empty when unknown. */
    Optional<String> endpointOrPublic(AwsService service) {
        return lean.endpoint(service).map(URI::toString);
    }

    /** Who the caller is and where the credentials come from, for login, logout and doctor. */
    public AwsIdentity identity() {
        return new AwsIdentity(this);
    }

    synchronized CredentialSource base() {
        if (base == null) {
            base = sources().base(settings.awsProfile());
        }
        return base;
    }

    /** messer's own role_arn, if set. */
    synchronized Optional<RoleSession> roleSession() {
        Optional<String> roleArn = settings.role().arn();
        if (roleArn.isPresent() && roleSession == null) {
            roleSession = sources().role(role(roleArn.get()), base());
        }
        return Optional.ofNullable(roleSession);
    }

    /** The credentials S3 and KMS are called with. */
    synchronized AwsCredentialsProvider credentials() {
        if (credentials == null) {
            Optional<RoleSession> role = roleSession();
            credentials = role.isPresent() ? role.get() : base();
        }
        return credentials;
    }

    /** The session cache in use, if caching is on. */
    Optional<SessionCache> sessionCache() {
        return settings.cacheSessions()
                ? Optional.of(new SessionCache(SessionCache.folder(env), Clock.systemUTC(), warnings))
                : Optional.empty();
    }

    /** A new STS client calling with {@code with}; closed with the factory. */
    synchronized StsClient sts(AwsCredentialsProvider with) {
        return remember(AwsService.STS, configure(StsClient.builder(), AwsService.STS, with).build());
    }

    private synchronized SsoClient sso(String ssoRegion) {
        checkOpen();
        SsoClientBuilder builder = SsoClient.builder()
                .httpClient(http())
                .region(Region.of(ssoRegion))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(this::tune);
        endpoints.endpointFor(AwsService.SSO).ifPresent(builder::endpointOverride);
        return remember(AwsService.SSO, builder.build());
    }

    private synchronized SsoOidcClient ssoOidc(String ssoRegion) {
        checkOpen();
        SsoOidcClientBuilder builder = SsoOidcClient.builder()
                .httpClient(http())
                .region(Region.of(ssoRegion))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(this::tune);
        endpoints.endpointFor(AwsService.SSO_OIDC).ifPresent(builder::endpointOverride);
        return remember(AwsService.SSO_OIDC, builder.build());
    }

    private CredentialSources sources() {
        return new CredentialSources(env, new CredentialSources.Clients() {
            @Override
            public StsClient sts(AwsCredentialsProvider credentials) {
                return AwsClientFactory.this.sts(credentials);
            }

            @Override
            public SsoClient sso(String ssoRegion) {
                return AwsClientFactory.this.sso(ssoRegion);
            }

            @Override
            public SsoOidcClient ssoOidc(String ssoRegion) {
                return AwsClientFactory.this.ssoOidc(ssoRegion);
            }

            @Override
            public void closeWithFactory(SdkAutoCloseable closeable) {
                synchronized (AwsClientFactory.this) {
                    toClose.add(closeable);
                }
            }
        }, mfa, sessionCache(), Clock.systemUTC());
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, AwsService service, AwsCredentialsProvider with) {
        checkOpen();
        builder.httpClient(http())
                .region(region())
                .credentialsProvider(with)
                .overrideConfiguration(this::tune);
        endpoints.endpointFor(service).ifPresent(builder::endpointOverride);
        return builder;
    }

    private ClientOverrideConfiguration.Builder tune(ClientOverrideConfiguration.Builder override) {
        tuning.apiCallTimeout().ifPresent(override::apiCallTimeout);
        return override.retryStrategy(tuning.retryStrategy()).scheduledExecutorService(timeouts.executor());
    }

    private AssumedRole role(String arn) {
        AwsSettings.Role role = settings.role();
        return new AssumedRole(arn, role.sessionName().orElse(AssumedRole.DEFAULT_SESSION_NAME), role.externalId(),
                role.durationSeconds(), role.mfaSerial());
    }

    /** Whether a TLS client was built: false while every request went to a plain-HTTP endpoint. */
    synchronized boolean tlsClientBuilt() {
        return http != null && http.tlsBuilt();
    }

    private synchronized DeferredTlsHttpClient http() {
        if (http == null) {
            ClientTuning.sizeConnectionPool();
            http = new DeferredTlsHttpClient(tuning.connectTimeout(), tuning.readTimeout());
        }
        return http;
    }

    private <C extends SdkAutoCloseable> C remember(AwsService service, C client) {
        created.add(service);
        toClose.add(client);
        return client;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("AWS client factory used after close");
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        RuntimeException first = null;
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        toClose.clear();
        if (http != null) {
            http.close();
            http = null;
        }
        if (first != null) {
            throw first;
        }
    }
}
