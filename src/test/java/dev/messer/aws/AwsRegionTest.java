package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.config.AwsSettings;
import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import dev.messer.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the region comes from: the {@code region} setting, then {@code AWS_REGION}, then
 * {@code AWS_DEFAULT_REGION} as the AWS CLI reads it, then the AWS profile. No client is made.
 */
class AwsRegionTest {

    @TempDir
    Path home;

    private String regionOf(String setting, Map<String, String> variables) {
        Map<String, String> env = new HashMap<>(variables);
        env.put("HOME", home.toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        AwsSettings settings = Settings.of(Provider.AWS, Map.of(Setting.REGION, setting)).aws();
        try (AwsClientFactory clients = new AwsClientFactory(settings, new AwsEnvironment(env), serial -> "0")) {
            return clients.region().id();
        }
    }

    @Test
    void awsDefaultRegion_isHonoured_whenNothingElseSetsOne() {
        assertThat(regionOf("", Map.of("AWS_DEFAULT_REGION", "eu-west-2"))).isEqualTo("eu-west-2");
    }

    @Test
    void awsRegion_comesBeforeAwsDefaultRegion_andTheSettingBeforeBoth() {
        Map<String, String> both = Map.of("AWS_REGION", "us-west-1", "AWS_DEFAULT_REGION", "eu-west-2");
        assertThat(regionOf("", both)).isEqualTo("us-west-1");
        assertThat(regionOf("ap-south-1", both)).isEqualTo("ap-south-1");
    }

    @Test
    void awsDefaultRegion_comesBeforeTheRegionOfTheAwsProfile() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[default]\nregion = sa-east-1\n");
        assertThat(regionOf("", Map.of())).isEqualTo("sa-east-1");
        assertThat(regionOf("", Map.of("AWS_DEFAULT_REGION", "eu-west-2"))).isEqualTo("eu-west-2");
    }

    @Test
    void noRegionAnywhere_isAConfigError_thatNamesTheSetting() {
        assertThatThrownBy(() -> regionOf("", Map.of("AWS_DEFAULT_REGION", " "))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no AWS region is set");
    }
}
