package dev.messer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.ConfigException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every value with a fixed form is checked when the settings are resolved, naming where it came from. */
class SettingChecksTest extends ResolverTestBase {

    @Test
    void invalidItemFormat_namesTheSource() throws IOException {
        assertThatThrownBy(() -> resolve("[aws]\nitem_format = 3\n", Provider.AWS)).isInstanceOf(ConfigException.class)
                .hasMessage("item_format is '3' (from [aws]); it must be 1 or 2");
        env.put("MESSER_ITEM_FORMAT", "two");
        assertThatThrownBy(() -> resolve("", Provider.AWS))
                .hasMessage("item_format is 'two' (from MESSER_ITEM_FORMAT); it must be 1 or 2");
    }

    @Test
    void recoveryKeyFingerprint_isCheckedAtResolution_namingTheSource() throws IOException {
        String pin = "SHA256:" + "A".repeat(42) + "+";
        assertThat(resolve("[profile p]\nrecovery_key_fingerprint = " + pin + "\n", Provider.LOCAL, "p", Map.of())
                .common().recoveryKeyFingerprint()).isEqualTo(pin);
        assertThat(resolve("", Provider.AWS).common().recoveryKeyFingerprint()).isEmpty();
        assertThatThrownBy(() -> resolve("[profile p]\nrecovery_key_fingerprint = SHA256:short\n", Provider.LOCAL, "p",
                Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("recovery_key_fingerprint 'SHA256:short' (from [profile p]) is not a key fingerprint");
        env.put("MESSER_RECOVERY_KEY_FINGERPRINT", "MD5:" + "A".repeat(43));
        assertThatThrownBy(() -> resolve("", Provider.AWS))
                .hasMessageContaining("(from MESSER_RECOVERY_KEY_FINGERPRINT) is not a key fingerprint");
    }

    @Test
    void invalidBoolean_namesTheSource() throws IOException {
        assertThatThrownBy(() -> resolve("[messer]\npath_style = maybe\n", Provider.AWS))
                .isInstanceOf(ConfigException.class)
                .hasMessage("path_style is 'maybe' (from [messer]); use true or false");
        assertThatThrownBy(() -> resolve("[profile p]\nsilent = perhaps\n", Provider.AWS, "p", Map.of()))
                .hasMessageContaining("silent is 'perhaps' (from [profile p])");
    }

    @Test
    void booleanSpellings_areAccepted() throws IOException {
        for (String yes : new String[] {"true", "True", "yes", "on", "1"}) {
            assertThat(resolve("[aws]\npath_style = " + yes + "\n", Provider.AWS).aws().pathStyle()).as(yes).isTrue();
        }
        for (String no : new String[] {"false", "No", "off", "0"}) {
            assertThat(resolve("[aws]\npath_style = " + no + "\n", Provider.AWS).aws().pathStyle()).as(no).isFalse();
        }
    }

    @Test
    void invalidNumber_namesTheSource() throws IOException {
        assertThatThrownBy(() -> resolve("[profile p]\nrole_duration_seconds = an hour\n", Provider.AWS, "p", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("role_duration_seconds is 'an hour' (from [profile p]); it must be a number");
    }

    @Test
    void unknownProvider_namesTheSource() throws IOException {
        assertThatThrownBy(() -> resolve("[profile g]\nprovider = gcp\n", Provider.AWS, "g", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("provider is 'gcp' (from [profile g]); it must be aws or local");
        env.put("MESSER_PROVIDER", "azure");
        assertThatThrownBy(() -> resolve("", Provider.LOCAL))
                .hasMessage("provider is 'azure' (from MESSER_PROVIDER); it must be aws or local");
    }

    @Test
    void aValueOnlyTheOtherProviderReads_doesNotStopAResolution_butValidateRefusesIt() throws IOException {
        Settings local = resolve("[profile p]\npath_style = maybe\n", Provider.LOCAL, "p", Map.of());
        assertThatThrownBy(local::validate).isInstanceOf(ConfigException.class)
                .hasMessage("path_style is 'maybe' (from [profile p]); use true or false");
        Settings aws = resolve("[profile p]\nlocal_versions = many\n", Provider.AWS, "p", Map.of());
        assertThatThrownBy(aws::validate).isInstanceOf(ConfigException.class)
                .hasMessage("local_versions is 'many' (from [profile p]); it must be a number");
    }

    @Test
    void awsCallSettings_areCheckedWhenResolved_namingTheirSource() {
        env.put("MESSER_RETRY_MODE", "legacy");
        assertThatThrownBy(() -> resolve("", Provider.AWS)).isInstanceOf(ConfigException.class)
                .hasMessage("retry_mode is 'legacy' (from MESSER_RETRY_MODE); use standard or adaptive");
        env.clear();
        env.put("MESSER_MAX_ATTEMPTS", "21");
        assertThatThrownBy(() -> resolve("", Provider.AWS))
                .hasMessage("max_attempts is 21 (from MESSER_MAX_ATTEMPTS); use 1 to 20");
        assertThatThrownBy(() -> resolve("[aws]\nrole_duration_seconds = 600\n", Provider.AWS))
                .hasMessage("role_duration_seconds is 600 (from [aws]); STS accepts 900 to 43200");
    }

    @Test
    void localVersions_outOfRange_namesItsSource() {
        assertThatThrownBy(() -> resolve("[messer]\nlocal_versions = 1001\n", Provider.LOCAL))
                .isInstanceOf(ConfigException.class)
                .hasMessage("local_versions is 1001 (from [messer]); it must be 0 to 1000");
    }

    @Test
    void minItemFormatAboveItemFormat_saysHowToFixEither() {
        assertThatThrownBy(() -> resolve("[profile p]\nitem_format = 1\nmin_item_format = 2\n", Provider.LOCAL, "p",
                Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("min_item_format = 2 (from [profile p]) is above item_format = 1, so this profile would "
                        + "refuse its own items; set item_format = 2 or min_item_format = 1");
    }

    @Test
    void typedSettings_holdTheParsedValues_ofTheProfilesProvider() throws IOException {
        Settings aws = resolve("[profile p]\nconnect_timeout = 2.5\nretry_mode = Adaptive\nrole_arn = arn:r\n"
                + "role_duration_seconds = 900\nendpoint_url = https://vpce\nsecrets_bucket = s\n", Provider.AWS, "p",
                Map.of());
        assertThat(aws.aws().connectTimeout()).hasMillis(2500);
        assertThat(aws.aws().retryMode()).isEqualTo(AwsSettings.RetryMode.ADAPTIVE);
        assertThat(aws.aws().maxAttempts()).isEqualTo(AwsSettings.DEFAULT_MAX_ATTEMPTS);
        assertThat(aws.aws().role().arn()).contains("arn:r");
        assertThat(aws.aws().role().durationSeconds()).hasValue(900);
        assertThat(aws.aws().endpoints().all().from()).isEqualTo("[profile p]");
        assertThat(aws.aws().secretsBucket().value()).isEqualTo("s");
        assertThatThrownBy(aws::local).isInstanceOf(IllegalStateException.class);

        Settings local = resolve("[profile p]\nmaster_key_protected = yes\nlocal_versions = 0\n", Provider.LOCAL, "p",
                Map.of());
        assertThat(local.local().masterKeyProtected().value()).isTrue();
        assertThat(local.local().masterKeyProtected().from()).isEqualTo("[profile p]");
        assertThat(local.local().localVersions()).isZero();
        assertThat(local.local().keysBucket().source()).isEqualTo(Source.DEFAULT);
        assertThatThrownBy(local::aws).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void diagnosis_setsABadAllowListApart_andKeepsItsError() throws IOException {
        env.put("MESSER_ALLOWED_VARIABLES", "DB-*");
        SettingsResolver.Diagnosis diagnosis = resolver().diagnose(ini("[profile p]\ntier = dev\n"),
                Provider.LOCAL, "p");
        assertThat(diagnosis.settings().common().tier()).isEqualTo("dev");
        assertThat(diagnosis.settings().common().allowedVariables().isSet()).isFalse();
        assertThat(diagnosis.allowedVariables()).get().extracting(Throwable::getMessage).asString()
                .startsWith("allowed_variables is 'DB-*' (from MESSER_ALLOWED_VARIABLES)");
        assertThatThrownBy(() -> resolver().diagnose(ini("[profile p]\ntier = a/b\n"), Provider.LOCAL,
                "p")).isInstanceOf(ConfigException.class).hasMessageStartingWith("tier is 'a/b' (from [profile p])");

        env.put("MESSER_ALLOWED_VARIABLES", "DB_*");
        SettingsResolver.Diagnosis good = resolver().diagnose(ini("[profile p]\n"), Provider.LOCAL, "p");
        assertThat(good.allowedVariables()).isEmpty();
        assertThat(good.settings().common().allowedVariables().isSet()).isTrue();
    }

    @Test
    void aProfileChecksTheValuesItsProviderReads_andValidateChecksEveryOther() throws IOException {
        Map<Setting, List<Provider>> refused = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            if (setting == Setting.PROVIDER) {
                continue;
            }
            env.clear();
            env.put(setting.envName(), "?");
            List<Provider> refusedBy = refused.computeIfAbsent(setting, s -> new ArrayList<>());
            for (Provider word : Provider.values()) {
                try {
                    resolve("", word);
                } catch (ConfigException e) {
                    assertThat(setting.readBy(word)).as(setting + " checked by " + word).isTrue();
                    assertThat(e.getMessage()).startsWith(setting.iniName()).contains("(from " + setting.envName() + ")");
                    refusedBy.add(word);
                }
            }
            for (Provider word : Provider.values()) {
                if (refusedBy.contains(word)) {
                    continue;
                }
                Settings resolved = resolve("", word);
                if (refusedBy.isEmpty()) {
                    resolved.validate();
                } else {
                    assertThat(setting.readBy(word)).as(setting + " refused by one reader only").isFalse();
                    assertThatThrownBy(resolved::validate).as(setting + " validated for " + word)
                            .hasMessageStartingWith(setting.iniName()).hasMessageContaining("(from " + setting.envName() + ")");
                }
            }
        }
        assertThat(refused).containsEntry(Setting.TIER, List.of(Provider.AWS, Provider.LOCAL))
                .containsEntry(Setting.PATH_STYLE, List.of(Provider.AWS)).containsEntry(Setting.RETRY_MODE, List.of(Provider.AWS))
                .containsEntry(Setting.LOCAL_VERSIONS, List.of(Provider.LOCAL)).containsEntry(Setting.REGION, List.of());
    }
}
