package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.config.AwsSettings;
import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** {@code expected_bucket_owner} travels on every S3 request about a bucket, as the SDK really sends it. */
class ExpectedBucketOwnerTest {

    private static AwsSettings settings(FaultyAwsEndpoint endpoint, String owner) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.REGION, "us-east-1");
        values.put(Setting.S3_ENDPOINT_URL, endpoint.endpoint().toString());
        values.put(Setting.PATH_STYLE, "true");
        if (owner != null) {
            values.put(Setting.EXPECTED_BUCKET_OWNER, owner);
        }
        return Settings.of(Provider.AWS, values).aws();
    }

    private static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "secret", "AWS_EC2_METADATA_DISABLED", "true");

    @Test
    void everyBucketRequest_carriesTheExpectedOwner() {
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Error(403, "AccessDenied", "Access Denied");
             AwsClientFactory clients = new AwsClientFactory(settings(s3, "111122223333"), new AwsEnvironment(ENV),
                     serial -> "000000")) {
            assertThatThrownBy(() -> clients.s3().getObject(r -> r.bucket("b").key("k"))).satisfies(ExpectedBucketOwnerTest::deniedByTheEndpoint);
            assertThatThrownBy(() -> clients.s3().putObject(r -> r.bucket("b").key("k"), RequestBody.fromString("x"))).satisfies(ExpectedBucketOwnerTest::deniedByTheEndpoint);
            assertThatThrownBy(() -> clients.s3().listObjectsV2(r -> r.bucket("b"))).satisfies(ExpectedBucketOwnerTest::deniedByTheEndpoint);
            assertThatThrownBy(() -> clients.s3().getBucketPolicy(r -> r.bucket("b"))).satisfies(ExpectedBucketOwnerTest::deniedByTheEndpoint);
            List<Map<String, List<String>>> seen = s3.headers();
            assertThat(seen).hasSizeGreaterThanOrEqualTo(4)
                    .allSatisfy(h -> assertThat(h.get("x-amz-expected-bucket-owner")).containsExactly("111122223333"));
        }
    }

    @Test
    void withoutTheSetting_noOwnerIsSent() {
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Error(403, "AccessDenied", "Access Denied");
             AwsClientFactory clients = new AwsClientFactory(settings(s3, null), new AwsEnvironment(ENV),
                     serial -> "000000")) {
            assertThatThrownBy(() -> clients.s3().getObject(r -> r.bucket("b").key("k"))).satisfies(ExpectedBucketOwnerTest::deniedByTheEndpoint);
            assertThat(s3.headers()).isNotEmpty().allSatisfy(h -> assertThat(h).doesNotContainKey("x-amz-expected-bucket-owner"));
        }
    }

    /** The request reached the endpoint and came back with its answer, 403 AccessDenied. */
    private static void deniedByTheEndpoint(Throwable thrown) {
        assertThat(thrown).isInstanceOf(S3Exception.class);
        assertThat(((S3Exception) thrown).statusCode()).isEqualTo(403);
        assertThat(((S3Exception) thrown).awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }
}
