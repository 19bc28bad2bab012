package dev.messer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code tier} and {@code secrets_folder} become part of every item path and of the generated
 * policies' resources and {@code s3:prefix} conditions, where {@code *} and {@code ?} are
 * wildcards: each must be empty or one name by the naming rule (surrounding slashes, which the
 * item paths have always ignored, aside).
 */
class SettingsPrefixTest {

    private static final List<String> REFUSED = List.of("*", "?", "de?", "dev*", "dev/*", "*/prod", "dev/prod", "a//b",
            "..", ".", "../prod", "/..", "/", "//", " ", "dev prod", "dev\u001b[2J", "x".repeat(129));
    private static final List<String> ACCEPTED = List.of("", "dev", "prod-eu_1.a", "dev/", "/secrets/", "x".repeat(128));

    private static Settings with(Setting key, String value) {
        return Settings.of(Provider.AWS, Map.of(key, value));
    }

    @Test
    void wildcardsSlashesAndDotNames_areRefused_namingTheSettingAndItsSource() {
        for (Setting key : List.of(Setting.TIER, Setting.SECRETS_FOLDER)) {
            for (String value : REFUSED) {
                assertThatThrownBy(() -> with(key, value))
                        .as(key + " " + value).isInstanceOf(ConfigException.class)
                        .hasMessageStartingWith(key.iniName() + " is '").hasMessageContaining("(from given)")
                        .hasMessageContaining("A-Z a-z 0-9 _ . -").hasMessageNotContaining("\u001b");
            }
        }
    }

    @Test
    void emptyAndValidNames_areAccepted_asTheyWereWritten() {
        for (String value : ACCEPTED) {
            assertThat(with(Setting.TIER, value).common().tier()).isEqualTo(value);
            assertThat(with(Setting.SECRETS_FOLDER, value).common().secretsFolder()).isEqualTo(value);
            with(Setting.TIER, value).validate();
        }
    }
}
