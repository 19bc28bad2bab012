package dev.messer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example files shipped in config/ load and mean what their comments say. */
class ConfigExamplesTest {

    private final SettingsResolver resolver = new SettingsResolver(Map.of("HOME", "/nonexistent-home"));

    private Settings resolve(String file, Provider word, String profile) {
        return resolver.resolve(IniFile.load(Path.of("config", file)), word, profile, Map.of());
    }

    @Test
    void template_defaultsToTheLocalProfile() {
        Settings settings = resolve("messer.ini", Provider.LOCAL, null);
        assertThat(settings.profileName()).isEqualTo("local");
        assertThat(settings.local().masterKey().value()).isEqualTo("default");
    }

    @Test
    void multiTier_defaultIsDev_andEachProfileKeepsItsOwnTierRegionAndBuckets() {
        Settings dev = resolve("examples/multi-tier.ini", Provider.AWS, null);
        assertThat(dev.profileName()).isEqualTo("dev");
        assertThat(dev.common().encryptionContext().asMap()).containsEntry("team", "payments").containsEntry("app", "checkout");

        Settings prod = resolve("examples/multi-tier.ini", Provider.AWS, "prod");
        assertThat(prod.common().tier()).isEqualTo("prod");
        assertThat(prod.aws().role().mfaSerial().orElseThrow()).endsWith(":mfa/alice");

        Settings eu = resolve("examples/multi-tier.ini", Provider.AWS, "prod-eu");
        assertThat(eu.aws().region().orElseThrow()).isEqualTo("eu-west-1");
        assertThat(eu.aws().keysBucket().value()).isEqualTo("acme-envelope-keys-prod-euwest1");

        Settings offline = resolve("examples/multi-tier.ini", Provider.LOCAL, "offline");
        assertThat(offline.local().keysBucket().value()).isEqualTo("offline-keys");
    }

    @Test
    void messer2Legacy_isTheDefaultAwsProfile() {
        Settings settings = resolve("examples/messer2-legacy.ini", Provider.AWS, null);
        assertThat(settings.profileName()).isNull();
        assertThat(settings.aws().masterKey().value()).isEqualTo("acme-messer-dev");
        assertThat(settings.common().secretsFolder()).isEqualTo("secrets");
        assertThat(settings.common().silent()).isFalse();
        assertThat(settings.common().encryptionContext().isEmpty()).isTrue();
    }
}
