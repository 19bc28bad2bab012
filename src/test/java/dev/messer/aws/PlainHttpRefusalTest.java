package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import dev.messer.error.AccessDeniedException;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

/** A 403 over a plain-HTTP S3 endpoint is reported as what a TLS-only bucket policy does. */
class PlainHttpRefusalTest {

    private static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "secret", "AWS_EC2_METADATA_DISABLED", "true");

    @Test
    void accessDeniedOverPlainHttp_namesTheTlsOnlyStatement() {
        try (FaultyAwsEndpoint s3 = FaultyAwsEndpoint.s3Error(403, "AccessDenied", "Access Denied")) {
            Map<Setting, String> values = new EnumMap<>(Setting.class);
            values.put(Setting.REGION, "us-east-1");
            values.put(Setting.S3_ENDPOINT_URL, s3.endpoint().toString());
            values.put(Setting.PATH_STYLE, "true");
            try (AwsClientFactory clients = new AwsClientFactory(Settings.of(Provider.AWS, values).aws(),
                    new AwsEnvironment(ENV), serial -> "000000")) {
                SdkException e = org.junit.jupiter.api.Assertions.assertThrows(SdkException.class,
                        () -> clients.s3().getObject(r -> r.bucket("b").key("k")));
                assertThat(AwsErrors.translate(e, "S3", "s3:GetObject", "s3://b/k"))
                        .isInstanceOf(AccessDeniedException.class).hasMessageContaining("MesserDenyInsecureTransport")
                        .hasMessageContaining("s3://b/k").hasMessageContaining("plain-HTTP endpoint " + s3.endpoint());
            }
        }
    }
}
