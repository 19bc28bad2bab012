package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** An item's upload goes out with its body at once: no {@code Expect: 100-continue} round trip first. */
class NoExpectContinueTest {

    private static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "secret", "AWS_EC2_METADATA_DISABLED", "true");

    @Test
    void aPutWithABody_asksForNoContinue_andStillCarriesItsBody() {
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Answer("");
             AwsClientFactory clients = new AwsClientFactory(Settings.of(Provider.AWS, Map.of(
                     Setting.REGION, "us-east-1", Setting.S3_ENDPOINT_URL, s3.endpoint().toString(),
                     Setting.PATH_STYLE, "true")).aws(), new AwsEnvironment(ENV), serial -> "000000")) {
            clients.s3().putObject(r -> r.bucket("b").key("dev/bag/item").ifNoneMatch("*"),
                    RequestBody.fromString("{\"id\":\"item\"}"));
            clients.s3().putObject(r -> r.bucket("b").key("dev/bag/other").ifMatch("\"etag\""),
                    RequestBody.fromString("{\"id\":\"other\"}"));
            List<Map<String, List<String>>> seen = s3.headers();
            assertThat(seen).hasSize(2).allSatisfy(h -> {
                assertThat(h).doesNotContainKey("Expect");
                assertThat(h.get("Content-Length")).isNotEqualTo(List.of("0"));
            });
        }
    }
}
