package dev.messer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code allowed_variables} through the resolution order: patterns, where they came from, and bad ones. */
class AllowedVariablesSettingTest {

    @TempDir
    Path dir;

    final Map<String, String> env = new HashMap<>();

    private Settings resolve(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("messer.ini"), text);
        env.putIfAbsent("HOME", dir.toString());
        return new SettingsResolver(env).resolve(IniFile.load(file), Provider.LOCAL, "dev", Map.of());
    }

    @Test
    void patternsAreSeparatedBySpacesOrCommas_andNameTheirSource() throws IOException {
        Settings s = resolve("[profile dev]\nallowed_variables = DB_*, API_*  VAULT_ADDR\n");
        assertThat(s.common().allowedVariables().describe())
                .isEqualTo("allowed_variables (DB_* API_* VAULT_ADDR, from [profile dev])");
        assertThat(s.common().allowedVariables().allows("db_host")).isTrue();
        assertThat(s.common().allowedVariables().allows("SMTP_HOST")).isFalse();
        assertThat(s.common().allowedVariables().namesExactly("VAULT_ADDR")).isTrue();
        assertThat(s.common().allowedVariables().namesExactly("DB_HOST")).isFalse();
    }

    @Test
    void unsetOrEmpty_isNoList() throws IOException {
        assertThat(resolve("[profile dev]\n").common().allowedVariables().isSet()).isFalse();
        assertThat(resolve("[profile dev]\nallowed_variables =\n").common().allowedVariables().isSet()).isFalse();
    }

    @Test
    void environment_beatsTheProfile() throws IOException {
        env.put("MESSER_ALLOWED_VARIABLES", "APP_*");
        assertThat(resolve("[profile dev]\nallowed_variables = DB_*\n").common().allowedVariables().describe())
                .isEqualTo("allowed_variables (APP_*, from MESSER_ALLOWED_VARIABLES)");
    }

    @Test
    void aBadPattern_isAConfigurationError_namingItsSource_withTheFixApart() {
        env.put("MESSER_ALLOWED_VARIABLES", "DB-*");
        assertThatThrownBy(() -> resolve("[profile dev]\n").validate()).isInstanceOf(ConfigException.class)
                .hasMessage("allowed_variables is 'DB-*' (from MESSER_ALLOWED_VARIABLES): 'DB-*' is not a variable name "
                        + "pattern; give variable names or patterns with *, separated by spaces, such as DB_* API_* APP_*");
    }
}
