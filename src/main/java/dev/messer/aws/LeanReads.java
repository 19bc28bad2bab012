package dev.messer.aws;

import dev.messer.config.AwsSettings;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.profiles.Profile;

/**
 * The read path of a command that only reads: S3 GetObject ({@link LeanS3Get}) and KMS Decrypt
 * ({@link LeanKmsDecrypt}) as signed requests, without the SDK's S3 and KMS clients, whose set-up
 * (service metadata, endpoint rules, interceptors, protocol marshalling) costs a cold start more
 * than the requests. They use the factory's HTTP client, credentials, region, retries and timeouts.
 * Every other call, and every read once the service's full client exists, goes through the full
 * client ({@link AwsClientFactory#objectGet()}, {@link AwsClientFactory#kmsDecrypt()}).
 *
 * <p>An answer other than success is mapped, not redone through the full client: it becomes the
 * exception the SDK's client would throw (type, error code, message, status, request id), after the
 * same retries decided by the same retry strategy ({@link SignedCalls}), and the store and the master
 * key translate it with the code they use for the full clients' exceptions.
 *
 * <p>The lean path reaches only what it can reach exactly as the clients would: an endpoint
 * override, or the public endpoint of a region of the {@code aws} partition. A profile that asks for
 * anything else (FIPS or dual-stack endpoints, S3's us-east-1 endpoint choice, an endpoint the SDK
 * would take from the AWS profile or a system property, another partition) is read through the full clients.
 */
final class LeanReads {

    /** When the lean path serves reads: while the service has no full client (the default), always, or never. */
    enum Use { WHILE_NO_CLIENT, ALWAYS, NEVER }

    /** The SDK's settings of endpoint variants, as variables, system properties and profile properties. */
    private static final List<String> VARIABLES = List.of("AWS_USE_FIPS_ENDPOINT", "AWS_USE_DUALSTACK_ENDPOINT",
            "AWS_S3_US_EAST_1_REGIONAL_ENDPOINT");
    private static final List<String> PROPERTIES = List.of("aws.useFipsEndpoint", "aws.useDualstackEndpoint",
            "aws.s3UseUsEast1RegionalEndpoint", "aws.endpointUrl", "aws.endpointUrlS3", "aws.endpointUrlKms");
    private static final List<String> PROFILE_PROPERTIES = List.of("use_fips_endpoint", "use_dualstack_endpoint",
            "s3_us_east_1_regional_endpoint", "endpoint_url", "services");

    private final AwsSettings settings;
    private final AwsEnvironment env;
    private final AwsEndpoints endpoints;
    private final Supplier<String> region;
    private final Supplier<SdkHttpClient> http;
    private final Supplier<AwsCredentialsProvider> credentials;
    private final ClientTuning tuning;
    private final ThrottledAnswers throttled;
    private final Supplier<ScheduledExecutorService> timer;
    private Use use = Use.WHILE_NO_CLIENT;
    private Boolean serves;
    private SignedCalls s3Calls;
    private SignedCalls kmsCalls;

    LeanReads(AwsSettings settings, AwsEnvironment env, AwsEndpoints endpoints, Supplier<String> region,
              Supplier<SdkHttpClient> http, Supplier<AwsCredentialsProvider> credentials, ClientTuning tuning,
              ThrottledAnswers throttled, Supplier<ScheduledExecutorService> timer) {
        this.settings = settings;
        this.env = env;
        this.endpoints = endpoints;
        this.region = region;
        this.http = http;
        this.credentials = credentials;
        this.tuning = tuning;
        this.throttled = throttled;
        this.timer = timer;
    }

    synchronized void use(Use use) {
        this.use = use;
    }

    /** Whether a read goes the lean way, given whether the service's full client was built. */
    synchronized boolean serves(boolean clientBuilt) {
        return switch (use) {
            case NEVER -> false;
            case ALWAYS -> true;
            case WHILE_NO_CLIENT -> !clientBuilt && reachable();
        };
    }

    synchronized ObjectGet objects() {
        if (s3Calls == null) {
            s3Calls = new SignedCalls("s3", region.get(), http, credentials, tuning, throttled, timer);
        }
        return new LeanS3Get(s3Calls, endpoint(AwsService.S3).orElseThrow(), settings.pathStyle(),
                settings.expectedBucketOwner());
    }

    synchronized KmsDecrypt decrypt() {
        if (kmsCalls == null) {
            kmsCalls = new SignedCalls("kms", region.get(), http, credentials, tuning, throttled, timer);
        }
        return new LeanKmsDecrypt(kmsCalls, endpoint(AwsService.KMS).orElseThrow());
    }

    /** Where S3 or KMS is called: the endpoint override, or the region's public endpoint; empty without a region. */
    Optional<URI> endpoint(AwsService service) {
        try {
            return Optional.of(endpoints.endpointFor(service).orElseGet(() -> URI.create("https://"
                    + service.name().toLowerCase(Locale.ROOT) + "." + region.get() + ".amazonaws.com")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether S3 and KMS are reached as the lean path reaches them; computed once. */
    private boolean reachable() {
        if (serves == null) {
            serves = VARIABLES.stream().noneMatch(name -> env.get(name).isPresent())
                    && PROPERTIES.stream().noneMatch(name -> System.getProperty(name) != null)
                    && !profileAsksForVariants()
                    && (publicEndpoint(region.get()) || endpointsOverridden());
        }
        return serves;
    }

    private boolean profileAsksForVariants() {
        Optional<Profile> profile = env.profileFile().profile(env.profileName(settings.awsProfile()));
        return profile.isPresent() && PROFILE_PROPERTIES.stream().anyMatch(p -> profile.get().property(p).isPresent());
    }

    private boolean endpointsOverridden() {
        return endpoints.endpointFor(AwsService.S3).isPresent() && endpoints.endpointFor(AwsService.KMS).isPresent();
    }

    /** A region of the aws partition, whose public endpoints are SERVICE.REGION.amazonaws.com. */
    static boolean publicEndpoint(String region) {
        return AwsPartition.of(region).equals("aws") && region.matches("[a-z]{2}(-[a-z]+)+-[0-9]+");
    }
}
