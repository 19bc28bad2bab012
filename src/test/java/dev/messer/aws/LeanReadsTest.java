package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.NotFoundException;
import dev.messer.error.ThrottledException;
import dev.messer.error.UnreachableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lean read path ({@link LeanReads}) against fixed AWS answers: every failure a read can meet
 * ends in the same error, after the same requests, as through the SDK's full clients, and the lean
 * path builds neither S3Client nor KmsClient. Each case runs the same read pinned to
 * {@code LeanReads.Use.ALWAYS} and to {@code NEVER} and compares what the user would see.
 */
class LeanReadsTest {

    private static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "secret", "AWS_EC2_METADATA_DISABLED", "true");
    private static final byte[] WRAPPED = new byte[] {1, 2, 3, 4, 5, 6, 7, 8};

    /** What one read ended in, and what it cost. */
    record Outcome(Object result, Class<?> failure, String message, int requests, long throttled,
                   List<AwsService> clients) {
    }

    private static AwsClientFactory factory(FaultyAwsEndpoint endpoint, Map<Setting, String> extra,
                                            Map<String, String> env) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.REGION, "us-east-1");
        values.put(Setting.ENDPOINT_URL, endpoint.endpoint().toString());
        values.put(Setting.PATH_STYLE, "true");
        values.putAll(extra);
        return new AwsClientFactory(Settings.of(Provider.AWS, values).aws(), new AwsEnvironment(env), serial -> "000000");
    }

    private static Outcome read(LeanReads.Use use, FaultyAwsEndpoint endpoint, Map<Setting, String> extra,
                                Function<AwsClientFactory, Object> call) {
        int before = endpoint.requests();
        try (AwsClientFactory clients = factory(endpoint, extra, ENV)) {
            clients.leanReads(use);
            Object[] result = new Object[1];
            Throwable thrown = catchThrowable(() -> result[0] = call.apply(clients));
            return new Outcome(result[0], thrown == null ? null : thrown.getClass(),
                    thrown == null ? null : thrown.getMessage(), endpoint.requests() - before, clients.throttledAnswers(),
                    clients.createdClients());
        }
    }

    private static Object s3Get(AwsClientFactory clients) {
        return new S3BlobStore(clients, "bucket-1", "secrets_bucket", Optional.empty()).get("bags/app/db.json")
                .map(blob -> new String(blob.content()));
    }

    private static Object kmsUnwrap(AwsClientFactory clients) {
        return new KmsMasterKey(clients, "messer-app", "us-east-1").unwrap(WRAPPED, EncryptionContext.empty());
    }

    /** The read ends alike on both paths; the lean one built no client for the service. */
    private static Outcome sameOnBothPaths(FaultyAwsEndpoint endpoint, Map<Setting, String> extra,
                                           Function<AwsClientFactory, Object> call) {
        Outcome lean = read(LeanReads.Use.ALWAYS, endpoint, extra, call);
        Outcome full = read(LeanReads.Use.NEVER, endpoint, extra, call);
        assertThat(lean.clients()).as("clients built on the lean path").isEmpty();
        assertThat(full.clients()).as("clients built on the full path").isNotEmpty();
        assertThat(lean.failure()).isEqualTo(full.failure());
        assertThat(lean.message()).isEqualTo(full.message());
        assertThat(lean.requests()).as("requests sent").isEqualTo(full.requests());
        assertThat(lean.throttled()).as("throttled answers counted").isEqualTo(full.throttled());
        return lean;
    }

    private static Object s3Blob(AwsClientFactory clients) {
        return new S3BlobStore(clients, "bucket-1", "secrets_bucket", Optional.empty()).get("bags/app/db.json")
                .map(blob -> List.of(new String(blob.content(), StandardCharsets.UTF_8), blob.etag(), blob.metadata()));
    }

    private static byte[] withMd5Trailer(byte[] content, boolean intact) throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5").digest(content);
        if (!intact) {
            md5[0] ^= 1;
        }
        byte[] all = Arrays.copyOf(content, content.length + md5.length);
        System.arraycopy(md5, 0, all, content.length, md5.length);
        return all;
    }

    @Test
    void anObject_readsTheSameContentEtagAndMetadata_onBothPaths() {
        byte[] item = "{\"id\": \"db\"}".getBytes(StandardCharsets.UTF_8);
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Object(item, Map.of("ETag", "\"0123abcd\"",
                "x-amz-meta-messer-key", "app", "x-amz-meta-messer-key-version", "3"))) {
            Outcome lean = sameOnBothPaths(s3, Map.of(), LeanReadsTest::s3Blob);
            assertThat(lean.result()).isEqualTo(read(LeanReads.Use.NEVER, s3, Map.of(), LeanReadsTest::s3Blob).result())
                    .isEqualTo(Optional.of(List.of("{\"id\": \"db\"}", "\"0123abcd\"",
                            Map.of("messer-key", "app", "messer-key-version", "3"))));
        }
    }

    @Test
    void anObjectWithItsMd5Trailer_readsWithoutIt_onBothPaths() throws Exception {
        byte[] item = "{\"id\": \"db\"}".getBytes(StandardCharsets.UTF_8);
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Object(withMd5Trailer(item, true),
                Map.of(LeanS3Get.TRAILER_ANSWER, "append-md5", "ETag", "\"e1\""))) {
            Outcome lean = sameOnBothPaths(s3, Map.of(), LeanReadsTest::s3Get);
            assertThat(lean.message()).isNull();
            assertThat(lean.result()).isEqualTo(Optional.of("{\"id\": \"db\"}"));
        }
    }

    @Test
    void anObjectWhoseMd5TrailerDoesNotMatch_failsAlike_onBothPaths() throws Exception {
        byte[] item = "{\"id\": \"db\"}".getBytes(StandardCharsets.UTF_8);
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Object(withMd5Trailer(item, false),
                Map.of(LeanS3Get.TRAILER_ANSWER, "append-md5", "ETag", "\"e1\""))) {
            Outcome lean = sameOnBothPaths(s3, Map.of(), LeanReadsTest::s3Get);
            assertThat(lean.failure()).isNotNull();
            assertThat(lean.message()).contains("checksum");
        }
    }

    @Test
    void missingObject_readsAsAbsent_onBothPaths() {
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Error(404, "NoSuchKey", "The specified key does not exist.")) {
            Outcome lean = sameOnBothPaths(s3, Map.of(), LeanReadsTest::s3Get);
            assertThat(lean.failure()).isNull();
            assertThat(read(LeanReads.Use.ALWAYS, s3, Map.of(), LeanReadsTest::s3Get).result()).isEqualTo(Optional.empty());
        }
    }

    @Test
    void missingBucket_namesTheSetting_onBothPaths() {
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Error(404, "NoSuchBucket", "The specified bucket does not exist")) {
            Outcome lean = sameOnBothPaths(s3, Map.of(), LeanReadsTest::s3Get);
            assertThat(lean.failure()).isEqualTo(NotFoundException.class);
            assertThat(lean.message()).contains("bucket bucket-1 (secrets_bucket) does not exist");
        }
    }

    @Test
    void accessDeniedOverPlainHttp_namesTheTlsOnlyStatement_onBothPaths() {
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Error(403, "AccessDenied", "Access Denied")) {
            Outcome lean = sameOnBothPaths(s3, Map.of(), LeanReadsTest::s3Get);
            assertThat(lean.failure()).isEqualTo(AccessDeniedException.class);
            assertThat(lean.message()).contains("s3:GetObject on s3://bucket-1/bags/app/db.json")
                    .contains("MesserDenyInsecureTransport").contains("plain-HTTP endpoint " + s3.endpoint());
        }
    }

    @Test
    void rejectedCredentials_sameMessage_onBothPaths() {
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Error(403, "InvalidAccessKeyId", "The key does not exist")) {
            Outcome lean = sameOnBothPaths(s3, Map.of(), LeanReadsTest::s3Get);
            assertThat(lean.failure()).isEqualTo(AccessDeniedException.class);
            assertThat(lean.message()).contains("AWS rejected the credentials").contains("InvalidAccessKeyId");
        }
    }

    @Test
    void throttledS3_isRetriedAsOften_andEndsAlike() {
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Error(503, "SlowDown", "Please reduce your request rate.")) {
            Outcome lean = sameOnBothPaths(s3, Map.of(Setting.MAX_ATTEMPTS, "2"), LeanReadsTest::s3Get);
            assertThat(lean.failure()).isEqualTo(ThrottledException.class);
            assertThat(lean.message()).contains("S3 kept throttling s3:GetObject").contains("SlowDown");
            assertThat(lean.requests()).isEqualTo(2);
            assertThat(lean.throttled()).isEqualTo(2);
        }
    }

    @Test
    void anAnswerSayingTheClockIsOff_isRetriedAndEndsAlike_onBothPaths() {
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Error(403, "RequestTimeTooSkewed", "The difference between "
                + "the request time and the current time is too large.")) {
            Outcome lean = sameOnBothPaths(s3, Map.of(Setting.MAX_ATTEMPTS, "2"), LeanReadsTest::s3Get);
            assertThat(lean.requests()).isEqualTo(2);
            assertThat(lean.failure()).isEqualTo(AccessDeniedException.class);
        }
    }

    @Test
    void throttlingUntilTheCallTimesOut_saysSo_onBothPaths() {
        Map<Setting, String> tight = Map.of(Setting.MAX_ATTEMPTS, "20", Setting.API_CALL_TIMEOUT, "1");
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Error(503, "SlowDown", "Please reduce your request rate.")) {
            Outcome lean = read(LeanReads.Use.ALWAYS, s3, tight, LeanReadsTest::s3Get);
            Outcome full = read(LeanReads.Use.NEVER, s3, tight, LeanReadsTest::s3Get);
            assertThat(lean.clients()).isEmpty();
            assertThat(lean.failure()).isEqualTo(ThrottledException.class).isEqualTo(full.failure());
            assertThat(lean.message()).isEqualTo(full.message())
                    .contains("kept throttling s3:GetObject").contains("until the call's time ran out");
            assertThat(lean.throttled()).isPositive().isEqualTo(lean.requests());
        }
    }

    @Test
    void unreachableEndpoint_sameMessage_onBothPaths() {
        FaultyAwsEndpoint gone = FaultyAwsEndpoint.s3Error(500, "InternalError", "x");
        gone.close();
        Outcome lean = sameOnBothPaths(gone, Map.of(Setting.MAX_ATTEMPTS, "1"), LeanReadsTest::s3Get);
        assertThat(lean.failure()).isEqualTo(UnreachableException.class);
        assertThat(lean.message()).contains("cannot reach S3 at " + gone.endpoint());
    }

    @Test
    void disabledKmsKey_sameMessage_onBothPaths() {
        try (FaultyAwsEndpoint kms = FaultyAwsEndpoint.kmsError(400, "DisabledException", "key is disabled")) {
            Outcome lean = sameOnBothPaths(kms, Map.of(), LeanReadsTest::kmsUnwrap);
            assertThat(lean.failure()).isEqualTo(AccessDeniedException.class);
            assertThat(lean.message()).contains("KMS key alias/messer-app (us-east-1) is disabled");
        }
    }

    @Test
    void missingKmsKey_sameMessage_onBothPaths() {
        try (FaultyAwsEndpoint kms = FaultyAwsEndpoint.kmsError(400, "NotFoundException", "Alias is not found.")) {
            Outcome lean = sameOnBothPaths(kms, Map.of(), LeanReadsTest::kmsUnwrap);
            assertThat(lean.failure()).isEqualTo(NotFoundException.class);
            assertThat(lean.message()).contains("KMS key alias/messer-app (us-east-1) does not exist");
        }
    }

    @Test
    void kmsAccessDenied_sameMessage_onBothPaths() {
        try (FaultyAwsEndpoint kms = FaultyAwsEndpoint.kmsError(400, "AccessDeniedException", "not allowed")) {
            Outcome lean = sameOnBothPaths(kms, Map.of(), LeanReadsTest::kmsUnwrap);
            assertThat(lean.failure()).isEqualTo(AccessDeniedException.class);
            assertThat(lean.message()).contains("access denied: kms:Decrypt on KMS key alias/messer-app");
        }
    }

    @Test
    void throttledKms_isRetriedAsOften_andEndsAlike() {
        try (FaultyAwsEndpoint kms = FaultyAwsEndpoint.kmsError(400, "ThrottlingException", "Rate exceeded")) {
            Outcome lean = sameOnBothPaths(kms, Map.of(Setting.MAX_ATTEMPTS, "2"), LeanReadsTest::kmsUnwrap);
            assertThat(lean.failure()).isEqualTo(ThrottledException.class);
            assertThat(lean.message()).contains("KMS kept throttling kms:Decrypt");
            assertThat(lean.requests()).isEqualTo(2);
        }
    }

    @Test
    void leanGet_sendsTheHeadersTheS3ClientSends_expectedOwnerIncluded() {
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Error(404, "NoSuchKey", "none")) {
            Map<Setting, String> owner = Map.of(Setting.EXPECTED_BUCKET_OWNER, "111122223333");
            read(LeanReads.Use.ALWAYS, s3, owner, LeanReadsTest::s3Get);
            read(LeanReads.Use.NEVER, s3, owner, LeanReadsTest::s3Get);
            List<Map<String, List<String>>> seen = s3.headers();
            assertThat(seen).hasSize(2)
                    .allSatisfy(h -> assertThat(h.get("x-amz-expected-bucket-owner")).containsExactly("111122223333"));
            assertThat(meaningful(seen.get(0))).isEqualTo(meaningful(seen.get(1)));
        }
    }

    /** The request's headers, less those that differ between any two requests (time, signature, counters). */
    private static Map<String, List<String>> meaningful(Map<String, List<String>> headers) {
        Map<String, List<String>> kept = new HashMap<>();
        Set<String> varying = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        varying.addAll(List.of("Authorization", "X-Amz-Date", "User-Agent", "amz-sdk-invocation-id",
                "amz-sdk-request", "Connection", "Accept", "Content-length"));
        headers.forEach((name, values) -> {
            if (!varying.contains(name)) {
                kept.put(name.toLowerCase(java.util.Locale.ROOT), values);
            }
        });
        return kept;
    }

    @Test
    void aProfileAskingForFipsEndpoints_readsThroughTheFullClient() {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("AWS_USE_FIPS_ENDPOINT", "true");
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Error(404, "NoSuchKey", "none");
             AwsClientFactory clients = factory(s3, Map.of(), env)) {
            s3Get(clients);
            assertThat(clients.createdClients()).containsExactly(AwsService.S3);
        }
    }

    @Test
    void anAwsProfileAskingForDualStackOrItsOwnEndpoint_readsThroughTheFullClients(@TempDir Path dir)
            throws Exception {
        for (String property : List.of("use_dualstack_endpoint = true", "endpoint_url = http://127.0.0.1:1")) {
            Path config = Files.writeString(dir.resolve("config"), "[default]\n" + property + "\n");
            Map<String, String> env = new HashMap<>(ENV);
            env.put("AWS_CONFIG_FILE", config.toString());
            try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Error(404, "NoSuchKey", "none");
                 AwsClientFactory clients = factory(s3, Map.of(), env)) {
                assertThat(clients.objectGet()).as(property).isNotInstanceOf(LeanS3Get.class);
                assertThat(clients.kmsDecrypt()).as(property).isNotInstanceOf(LeanKmsDecrypt.class);
                assertThat(clients.createdClients()).as(property).containsExactly(AwsService.S3, AwsService.KMS);
            }
        }
    }

    @Test
    void byDefault_readsGoLean_untilAFullClientExists() {
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Error(404, "NoSuchKey", "none");
             AwsClientFactory clients = factory(s3, Map.of(), ENV)) {
            assertThat(clients.objectGet()).isInstanceOf(LeanS3Get.class);
            assertThat(clients.kmsDecrypt()).isInstanceOf(LeanKmsDecrypt.class);
            clients.s3();
            assertThat(clients.objectGet()).isNotInstanceOf(LeanS3Get.class);
            assertThat(clients.kmsDecrypt()).isInstanceOf(LeanKmsDecrypt.class);
            assertThat(clients.createdClients()).containsExactly(AwsService.S3);
        }
    }

    @Test
    void onlyPublicEndpointsOfTheAwsPartition_areReachedLean() {
        assertThat(LeanReads.publicEndpoint("eu-west-1")).isTrue();
        assertThat(LeanReads.publicEndpoint("cn-north-1")).isFalse();
        assertThat(LeanReads.publicEndpoint("us-gov-west-1")).isFalse();
        assertThat(LeanReads.publicEndpoint("us-iso-east-1")).isFalse();
    }

    @Test
    void anotherPartitionWithoutOverrides_readsThroughTheFullClient() {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.REGION, "cn-north-1");
        try (AwsClientFactory clients = new AwsClientFactory(Settings.of(Provider.AWS, values).aws(),
                new AwsEnvironment(ENV), serial -> "000000")) {
            clients.objectGet();
            assertThat(clients.createdClients()).containsExactly(AwsService.S3);
        }
    }
}
