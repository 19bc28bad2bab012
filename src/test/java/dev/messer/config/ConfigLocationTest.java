package dev.messer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -c, then MESSER_CONFIG, then $XDG_CONFIG_HOME, then ~/.config; the template on first use. */
class ConfigLocationTest {

    @TempDir
    Path dir;

    final Map<String, String> env = new HashMap<>();

    @Test
    void order_flag_thenMesserConfig_thenXdg_thenHome() {
        env.put("HOME", dir.resolve("home").toString());
        ConfigLocation location = new ConfigLocation(env);
        assertThat(location.resolve(null)).isEqualTo(dir.resolve("home/.config/messer/messer.ini"));
        env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
        assertThat(location.resolve(null)).isEqualTo(dir.resolve("xdg/messer/messer.ini"));
        env.put("MESSER_CONFIG", dir.resolve("env.ini").toString());
        assertThat(location.resolve(null)).isEqualTo(dir.resolve("env.ini"));
        assertThat(location.resolve("flag.ini")).isEqualTo(Path.of("flag.ini"));
    }

    @Test
    void tildeInAPath_meansHome() {
        env.put("HOME", dir.toString());
        ConfigLocation location = new ConfigLocation(env);
        assertThat(location.resolve("~/my.ini")).isEqualTo(dir.resolve("my.ini"));
        env.put("MESSER_CONFIG", "~/env.ini");
        assertThat(location.resolve(null)).isEqualTo(dir.resolve("env.ini"));
    }

    @Test
    void blankValues_doNotNameAFile() {
        env.put("HOME", dir.toString());
        env.put("MESSER_CONFIG", " ");
        env.put("XDG_CONFIG_HOME", "");
        ConfigLocation location = new ConfigLocation(env);
        assertThat(location.isNamed(null)).isFalse();
        assertThat(location.isNamed("")).isFalse();
        assertThat(location.isNamed("x.ini")).isTrue();
        assertThat(location.resolve(null)).isEqualTo(dir.resolve(".config/messer/messer.ini"));
        env.put("MESSER_CONFIG", "e.ini");
        assertThat(location.isNamed(null)).isTrue();
    }

    @Test
    void firstUse_createsTheTemplate_0600_in0700Folders() throws IOException {
        env.put("XDG_CONFIG_HOME", dir.resolve("cfg").toString());
        ConfigLocation location = new ConfigLocation(env);
        Path file = location.defaultFile();

        assertThat(location.createFromTemplateIfMissing(file)).isTrue();

        String template;
        try (InputStream in = ConfigLocation.class.getResourceAsStream(ConfigLocation.TEMPLATE_RESOURCE)) {
            template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(file)).isEqualTo(template).contains("[profile local]");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("cfg"))))
                .isEqualTo("rwx------");
    }

    @Test
    void folderThatCannotBeMade_isAConfigError() throws IOException {
        Path plain = dir.resolve("plain");
        Files.writeString(plain, "x");
        env.put("XDG_CONFIG_HOME", plain.toString());
        ConfigLocation location = new ConfigLocation(env);
        assertThatThrownBy(() -> location.createFromTemplateIfMissing(location.defaultFile()))
                .isInstanceOf(dev.messer.error.ConfigException.class)
                .hasMessageStartingWith("cannot create config file " + location.defaultFile() + " (")
                .hasMessageEndingWith("); check the permissions of its folder, or pass a file with -c");
    }

    @Test
    void existingFile_isNeverOverwritten() throws IOException {
        env.put("XDG_CONFIG_HOME", dir.toString());
        ConfigLocation location = new ConfigLocation(env);
        Path file = location.defaultFile();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[messer]\n");

        assertThat(location.createFromTemplateIfMissing(file)).isFalse();
        assertThat(Files.readString(file)).isEqualTo("[messer]\n");
    }

    @Test
    void template_resolvesToTheLocalProfile() throws IOException {
        env.put("XDG_CONFIG_HOME", dir.toString());
        env.put("HOME", dir.toString());
        ConfigLocation location = new ConfigLocation(env);
        location.createFromTemplateIfMissing(location.defaultFile());
        Settings s = new SettingsResolver(env).resolve(IniFile.load(location.defaultFile()), Provider.LOCAL, null,
                Map.of()).validate();
        assertThat(s.profileName()).isEqualTo("local");
        assertThat(s.common().tier()).isEqualTo("dev");
        assertThat(s.local().masterKey().value()).isEqualTo("default");
    }
}
