package dev.messer.security;

import dev.messer.aws.AwsFixture;
import dev.messer.aws.MotoServer;
import dev.messer.cli.CliRun;
import java.io.Closeable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A tier in two regions on one moto server: {@value #HOME} (home) and {@value #OTHER}, each with its
 * secrets bucket, keys bucket and KMS key under the same alias, each reached through its own
 * {@link FaultProxy}. Each relay can be taken down (connections cut) or black-holed (connections
 * accepted, never answered).
 *
 * <p>moto stores replication rules but copies nothing, so {@link #replicate()} copies the home
 * secrets bucket's objects to the other region's as S3 Replication would (same keys and metadata;
 * deletions are not carried, as S3 carries only delete markers).
 */
final class TwoRegions implements Closeable {

    static final String HOME = "us-east-1";
    static final String OTHER = "eu-west-1";

    final AwsFixture aws;
    final String suffix;
    final Map<String, FaultProxy> relays = new LinkedHashMap<>();
    final Map<String, AtomicBoolean> down = new LinkedHashMap<>();
    final Map<String, AtomicBoolean> blackHoled = new LinkedHashMap<>();
    final Map<String, String> kmsKeyIds = new LinkedHashMap<>();
    private final Map<String, KmsClient> kms = new LinkedHashMap<>();
    private final Map<String, S3Client> s3 = new LinkedHashMap<>();

    TwoRegions(Path dir) {
        aws = AwsFixture.create(dir);
        suffix = aws.masterKey().substring("messer-".length());
        for (String region : List.of(HOME, OTHER)) {
            aws.s3().createBucket(b -> b.bucket(secretsBucket(region)).createBucketConfiguration(region.equals(HOME)
                    ? null : software.amazon.awssdk.services.s3.model.CreateBucketConfiguration.builder()
                    .locationConstraint(region).build()));
            aws.s3().createBucket(b -> b.bucket(keysBucket(region)).createBucketConfiguration(region.equals(HOME)
                    ? null : software.amazon.awssdk.services.s3.model.CreateBucketConfiguration.builder()
                    .locationConstraint(region).build()));
            KmsClient client = kms(region);
            String keyId = client.createKey(r -> r.description("messer test key " + region)).keyMetadata().keyId();
            client.createAlias(r -> r.aliasName("alias/" + masterKey()).targetKeyId(keyId));
            kmsKeyIds.put(region, keyId);
            FaultProxy relay = new FaultProxy(aws.moto().endpoint());
            AtomicBoolean isDown = new AtomicBoolean();
            AtomicBoolean isBlackHoled = new AtomicBoolean();
            relay.inject(r -> isDown.get(), Integer.MAX_VALUE, FaultProxy.drop());
            relay.inject(r -> isBlackHoled.get(), Integer.MAX_VALUE, FaultProxy.delay(Duration.ofSeconds(20)));
            relays.put(region, relay);
            down.put(region, isDown);
            blackHoled.put(region, isBlackHoled);
        }
        aws.env().put("AWS_REGION", HOME);
    }

    /** The alias, the same in both regions (the fixture's own key has another). */
    String masterKey() {
        return aws.masterKey() + "-mr";
    }

    String secretsBucket(String region) {
        return "secrets-" + suffix + "-" + region;
    }

    String keysBucket(String region) {
        return "keys-" + suffix + "-" + region;
    }

    /** The KMS of {@code region} on moto, straight (not through the relay). */
    synchronized KmsClient kms(String region) {
        return kms.computeIfAbsent(region, r -> KmsClient.builder().region(Region.of(r))
                .endpointOverride(aws.moto().endpoint()).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY))).build());
    }

    /** S3 of {@code region} through its relay. */
    synchronized S3Client s3Through(String region) {
        return s3.computeIfAbsent(region, r -> S3Client.builder().region(Region.of(r)).forcePathStyle(true)
                .endpointOverride(relays.get(r).endpoint()).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MotoServer.ACCESS_KEY, MotoServer.SECRET_KEY))).build());
    }

    /** The profile: both regions, buckets by placeholder, each region's endpoint its relay. */
    Path writeIni(String extra) {
        return writeIni(Map.of(), extra);
    }

    /** Like {@link #writeIni(String)}, with {@code overrides} in place of the profile's own values. */
    Path writeIni(Map<String, String> overrides, String extra) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("provider", "aws");
        values.put("tier", AwsFixture.TIER);
        values.put("regions", HOME + " " + OTHER);
        values.put("master_key", masterKey());
        values.put("secrets_bucket", "secrets-" + suffix + "-{region}");
        values.put("keys_bucket", "keys-" + suffix + "-{region}");
        values.put("path_style", "true");
        values.putAll(overrides);
        StringBuilder text = new StringBuilder("[profile aws]\n");
        values.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
        relays.forEach((region, relay) -> text.append("endpoint_url.").append(region).append(" = ")
                .append(relay.endpoint()).append('\n'));
        return aws.writeFile("messer.ini", text + extra);
    }

    CliRun run(Path config, String... args) {
        return aws.runWithConfig(config, args);
    }

    /**
     * Makes the home region's relay answer {@code GetBucketReplication} with the configuration last
     * put through it, as S3 does: moto 5.2.1 keeps the rules but answers every rule with
     * {@code Filter} prefix "", {@code DeleteMarkerReplication} Disabled and no
     * {@code SourceSelectionCriteria}, whatever was put. Puts still reach moto.
     */
    void keepReplicationAsPut() {
        Map<String, byte[]> stored = new java.util.concurrent.ConcurrentHashMap<>();
        FaultProxy relay = relays.get(HOME);
        relay.inject(r -> r.method().equals("PUT") && r.target().endsWith("?replication"), Integer.MAX_VALUE,
                (proxy, client, head, body) -> {
                    String target = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).split(" ")[1];
                    stored.put(target, body);
                    return proxy.forward(client, head, body);
                });
        relay.inject(r -> r.method().equals("GET") && r.target().endsWith("?replication")
                && stored.containsKey(r.target()), Integer.MAX_VALUE,
                (proxy, client, head, body) -> {
                    String target = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).split(" ")[1];
                    return FaultProxy.status(200, "application/xml", new String(stored.get(target),
                            java.nio.charset.StandardCharsets.UTF_8)).apply(proxy, client, head, body);
                });
    }

    /** Copies every object of the home secrets bucket to the other region's, as S3 Replication would. */
    void replicate() {
        S3Client s3 = aws.s3();
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(secretsBucket(HOME))).contents()) {
            var bytes = s3.getObjectAsBytes(r -> r.bucket(secretsBucket(HOME)).key(object.key()));
            GetObjectResponse head = bytes.response();
            s3.putObject(r -> r.bucket(secretsBucket(OTHER)).key(object.key()).metadata(head.metadata()),
                    RequestBody.fromBytes(bytes.asByteArray()));
        }
    }

    @Override
    public void close() {
        relays.values().forEach(FaultProxy::close);
        kms.values().forEach(KmsClient::close);
        s3.values().forEach(S3Client::close);
    }
}
