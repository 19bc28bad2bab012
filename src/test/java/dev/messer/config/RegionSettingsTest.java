package dev.messer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile that spans regions: the list, the {region} placeholder and SETTING.REGION values. */
class RegionSettingsTest {

    @TempDir
    Path dir;

    private Settings resolve(String profile) throws IOException {
        Path file = dir.resolve("messer.ini");
        Files.writeString(file, "[profile dev]\nprovider = aws\n" + profile);
        Map<String, String> env = new HashMap<>(Map.of("HOME", dir.toString()));
        return new SettingsResolver(env).resolve(IniFile.load(file), Provider.AWS, "dev", Map.of()).validate();
    }

    static final String TWO_REGIONS = """
            regions = us-east-1 eu-west-1
            secrets_bucket = acme-secrets-{region}
            keys_bucket = acme-keys-dev-{region}
            master_key = acme-dev
            endpoint_url = https://s3.example.com
            endpoint_url.eu-west-1 = https://vpce.example.eu
            master_key.eu-west-1 = acme-dev-eu
            """;

    @Test
    void regions_listTheHomeRegionFirst() throws IOException {
        assertThat(resolve(TWO_REGIONS).regions()).containsExactly("us-east-1", "eu-west-1");
    }

    @Test
    void aRegion_fillsThePlaceholders_andTakesItsOwnValues() throws IOException {
        Settings settings = resolve(TWO_REGIONS);
        Settings home = settings.forRegion("us-east-1");
        Settings eu = settings.forRegion("eu-west-1");
        assertThat(home.aws().secretsBucket().value()).isEqualTo("acme-secrets-us-east-1");
        assertThat(home.aws().keysBucket().value()).isEqualTo("acme-keys-dev-us-east-1");
        assertThat(home.aws().endpoints().all().value()).isEqualTo("https://s3.example.com");
        assertThat(home.aws().masterKey().value()).isEqualTo("acme-dev");
        assertThat(home.aws().region()).contains("us-east-1");
        assertThat(eu.aws().secretsBucket().value()).isEqualTo("acme-secrets-eu-west-1");
        assertThat(eu.aws().endpoints().all().value()).isEqualTo("https://vpce.example.eu");
        assertThat(eu.aws().endpoints().all().from()).isEqualTo("[profile dev]");
        assertThat(eu.aws().masterKey().value()).isEqualTo("acme-dev-eu");
        assertThat(eu.aws().region()).contains("eu-west-1");
        assertThat(eu.regions()).as("one region reads as a profile of that region alone").isEmpty();
    }

    @Test
    void aProfileWithoutRegions_isUnchanged() throws IOException {
        Settings settings = resolve("region = us-east-1\nsecrets_bucket = plain\n");
        assertThat(settings.regions()).isEmpty();
        assertThat(settings.aws().secretsBucket().value()).isEqualTo("plain");
        assertThat(settings.failoverAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void failoverAfter_isSeconds() throws IOException {
        assertThat(resolve(TWO_REGIONS + "failover_after = 0.2\n").failoverAfter()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aValueForAnUnlistedRegion_isRefused() {
        assertThatThrownBy(() -> resolve(TWO_REGIONS + "master_key.eu-west-2 = x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("master_key.eu-west-2 is set, but eu-west-2 is not in regions");
    }

    @Test
    void anUnknownSettingForARegion_isRefused() {
        assertThatThrownBy(() -> resolve(TWO_REGIONS + "master_kye.eu-west-1 = x\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("master_kye.eu-west-1 (in [profile dev]) "
                        + "is not a setting");
    }

    @Test
    void sharedSettings_cannotDifferByRegion() {
        assertThatThrownBy(() -> resolve(TWO_REGIONS + "tier.eu-west-1 = other\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot differ between regions");
    }

    @Test
    void badRegionNames_andRepeats_areRefused() {
        assertThatThrownBy(() -> resolve("regions = us-east-1 Europe\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'Europe'");
        assertThatThrownBy(() -> resolve("regions = us-east-1 us-east-1\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> resolve(TWO_REGIONS).forRegion("ap-south-1"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not in regions");
    }
}
