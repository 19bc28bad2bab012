package dev.messer.aws;

import dev.messer.aws.MfaTokenSource;
import dev.messer.config.SettingKey;
import dev.messer.config.Settings;
import dev.messer.error.ConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The one place that turns settings into AWS SDK clients. Every client is built on first use (a
 * command that lists items makes an S3 client and nothing else), shares one HTTP client, uses the
 * SDK's standard retry mode, and is closed with the factory.
 *
 * <p>Credentials: {@link BaseCredentials}, then {@code role_arn} through STS when set. Region: the
 * {@code region} setting, {@code AWS_REGION}, the region of the AWS profile in use, then (on EC2)
 * the instance metadata. Endpoints: {@link AwsEndpoints}.
 */
public final class AwsClientFactory implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final String DEFAULT_SESSION_NAME = "messer";

    private final Settings settings;
    private final AwsEnvironment env;
    private final AwsEndpoints endpoints;
    private final MfaTokenSource mfa;
    private final List<AwsService> created = new ArrayList<>();
    private final List<SdkAutoCloseable> toClose = new ArrayList<>();

    private SdkHttpClient http;
    private AwsCredentialsProvider credentials;
    private Region region;
    private S3Client s3;
    private KmsClient kms;
    private StsClient sts;
    private boolean closed;

    public AwsClientFactory(Settings settings, AwsEnvironment env, MfaTokenSource mfa) {
        this.settings = settings;
        this.env = env;
        this.endpoints = new AwsEndpoints(settings, env);
        this.mfa = mfa;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = remember(AwsService.S3, configure(S3Client.builder(), AwsService.S3)
                    .forcePathStyle(settings.pathStyle())
                    .build());
        }
        return s3;
    }

    public synchronized KmsClient kms() {
        if (kms == null) {
            kms = remember(AwsService.KMS, configure(KmsClient.builder(), AwsService.KMS).build());
        }
        return kms;
    }

    /** The services a client was built for so far, in order (for tests and --debug). */
    public synchronized List<AwsService> createdClients() {
        return List.copyOf(created);
    }

    public synchronized Region region() {
        if (region == null) {
            region = resolveRegion();
        }
        return region;
    }

    private synchronized StsClient sts() {
        if (sts == null) {
            sts = remember(AwsService.STS, configure(StsClient.builder(), AwsService.STS, baseCredentials()).build());
        }
        return sts;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, AwsService service) {
        return configure(builder, service, credentials());
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, AwsService service, AwsCredentialsProvider with) {
        checkOpen();
        builder.httpClient(http())
                .region(region())
                .credentialsProvider(with)
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD));
        endpoints.endpointFor(service).ifPresent(builder::endpointOverride);
        return builder;
    }

    private synchronized AwsCredentialsProvider credentials() {
        if (credentials == null) {
            Optional<String> roleArn = settings.optional(SettingKey.ROLE_ARN);
            if (roleArn.isPresent()) {
                AssumedRoleCredentials assumed = new AssumedRoleCredentials(role(roleArn.get()), this::sts, mfa);
                toClose.add(assumed);
                credentials = assumed;
            } else {
                credentials = baseCredentials();
            }
        }
        return credentials;
    }

    private AwsCredentialsProvider baseCredentials() {
        AwsCredentialsProvider base = BaseCredentials.from(settings.optional(SettingKey.AWS_PROFILE), env);
        if (base instanceof SdkAutoCloseable closeable) {
            toClose.add(closeable);
        }
        return base;
    }

    private AssumedRoleCredentials.Role role(String arn) {
        Settings.OptionalIntSetting duration = settings.intSetting(SettingKey.ROLE_DURATION_SECONDS);
        OptionalInt seconds = duration.isPresent() ? OptionalInt.of(duration.orElse(0)) : OptionalInt.empty();
        if (seconds.isPresent() && (seconds.getAsInt() < 900 || seconds.getAsInt() > 43200)) {
            throw new ConfigException("role_duration_seconds is " + seconds.getAsInt() + " (from "
                    + settings.source(SettingKey.ROLE_DURATION_SECONDS) + "); STS accepts 900 to 43200");
        }
        return new AssumedRoleCredentials.Role(arn,
                settings.optional(SettingKey.ROLE_SESSION_NAME).orElse(DEFAULT_SESSION_NAME),
                settings.optional(SettingKey.EXTERNAL_ID), seconds, settings.optional(SettingKey.MFA_SERIAL));
    }

    private Region resolveRegion() {
        Optional<String> name = settings.optional(SettingKey.REGION)
                .or(() -> env.get("AWS_REGION"))
                .or(() -> env.profileFile()
                        .profile(env.profileName(settings.optional(SettingKey.AWS_PROFILE)))
                        .flatMap(profile -> profile.property("region")));
        if (name.isEmpty() && !env.metadataDisabled()) {
            name = instanceRegion();
        }
        return Region.of(name.orElseThrow(() -> new ConfigException("no AWS region is set; set region in the "
                + "profile ('messer configure aws -r REGION') or AWS_REGION")));
    }

    private static Optional<String> instanceRegion() {
        try {
            return Optional.of(new software.amazon.awssdk.regions.providers.InstanceProfileRegionProvider()
                    .getRegion().id());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private synchronized SdkHttpClient http() {
        if (http == null) {
            http = UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(READ_TIMEOUT)
                    .build();
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
