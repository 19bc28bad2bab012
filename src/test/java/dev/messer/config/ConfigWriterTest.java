package dev.messer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** configure's write-back: only the target lines change, and a bad result is never saved. */
class ConfigWriterTest {

    @TempDir
    Path dir;

    final Map<String, String> env = new HashMap<>(Map.of("HOME", "/nonexistent-home"));

    private Path file(String text) throws IOException {
        Path file = dir.resolve("messer.ini");
        Files.writeString(file, text);
        return file;
    }

    private ConfigWriter.Written apply(Path file, Provider word, String profile, Setting key, String value) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(key, value);
        return new ConfigWriter(new SettingsResolver(env)).apply(IniFile.load(file), word, profile, values);
    }

    static final String COMMENTED = """
            ; top comment

            [messer]
            ; which profile
            default_profile = dev   ; inline note

            [profile dev]
            provider = local
            tier = dev            ; the tier
            ; a note inside the section

            [profile other]
            provider = aws
            tier = other
            ; trailing example:
            ; [profile example]
            ; tier = example
            """;

    @Test
    void changingAValue_rewritesOnlyItsLine_keepingItsInlineComment() throws IOException {
        Path file = file(COMMENTED);
        ConfigWriter.Written written = apply(file, Provider.LOCAL, "dev", Setting.TIER, "qa");

        assertThat(written.where()).isEqualTo("[profile dev]");
        assertThat(Files.readString(file)).isEqualTo(COMMENTED.replace("tier = dev            ; the tier",
                "tier = qa            ; the tier"));
    }

    @Test
    void addingAValue_goesAfterTheLastOptionOfTheSection() throws IOException {
        Path file = file(COMMENTED);
        apply(file, Provider.LOCAL, "dev", Setting.MASTER_KEY, "mk");

        assertThat(Files.readString(file)).isEqualTo(COMMENTED.replace("tier = dev            ; the tier\n",
                "tier = dev            ; the tier\nmaster_key = mk\n"));
    }

    @Test
    void newProfile_isAppended_andOtherProfilesAndCommentsStay() throws IOException {
        Path file = file(COMMENTED);
        ConfigWriter.Written written = apply(file, Provider.LOCAL, "qa", Setting.TIER, "qa");

        assertThat(written.where()).isEqualTo("[profile qa]");
        assertThat(Files.readString(file)).isEqualTo(COMMENTED + "\n[profile qa]\nprovider = local\ntier = qa\n");
        assertThat(written.settings().profileName()).isEqualTo("qa");
        assertThat(written.settings().common().tier()).isEqualTo("qa");
    }

    @Test
    void noProfileNamed_writesToTheProfileTheCommandWouldUse() throws IOException {
        Path file = file(COMMENTED);
        assertThat(apply(file, Provider.LOCAL, null, Setting.TIER, "x").where()).isEqualTo("[profile dev]");
    }

    @Test
    void noProfileNamed_defaultForTheOtherProvider_createsAProfileNamedAfterTheWord() throws IOException {
        Path file = file(COMMENTED);
        assertThat(apply(file, Provider.AWS, null, Setting.REGION, "eu-west-1").where())
                .isEqualTo("[profile aws]");
        assertThat(Files.readString(file)).endsWith("[profile aws]\nprovider = aws\nregion = eu-west-1\n");
    }

    @Test
    void legacyFile_withAws_staysLegacy() throws IOException {
        String legacy = """
                [messer]
                # the master key
                master_key=
                tier=

                [aws]
                secrets_bucket=
                region=
                """;
        Path file = file(legacy);
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.MASTER_KEY, "mk");
        values.put(Setting.REGION, "us-east-1");
        values.put(Setting.ENDPOINT_URL, "http://127.0.0.1:5000");
        ConfigWriter.Written written = new ConfigWriter(new SettingsResolver(env))
                .apply(IniFile.load(file), Provider.AWS, null, values);

        assertThat(written.where()).isEqualTo("[messer]/[aws]");
        assertThat(Files.readString(file)).isEqualTo("""
                [messer]
                # the master key
                master_key = mk
                tier=

                [aws]
                secrets_bucket=
                region = us-east-1
                endpoint_url = http://127.0.0.1:5000
                """);
    }

    @Test
    void emptyFile_firstProfileBecomesTheDefault() throws IOException {
        Path file = dir.resolve("new/messer.ini");
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.TIER, "dev");
        new ConfigWriter(new SettingsResolver(env)).apply(IniFile.empty(file), Provider.LOCAL, null, values);

        assertThat(Files.readString(file)).isEqualTo("""
                [profile local]
                provider = local
                tier = dev

                [messer]
                default_profile = local
                """);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void namedProfileForTheOtherProvider_isRefused_andTheFileIsUnchanged() throws IOException {
        Path file = file(COMMENTED);
        assertThatThrownBy(() -> apply(file, Provider.LOCAL, "other", Setting.TIER, "x"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("profile other is for provider aws, but the command says local");
        assertThat(Files.readString(file)).isEqualTo(COMMENTED);
    }

    @Test
    void invalidValue_isRefused_andTheFileIsUnchanged() throws IOException {
        Path file = file(COMMENTED);
        assertThatThrownBy(() -> apply(file, Provider.LOCAL, "dev", Setting.ITEM_FORMAT, "3"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("item_format is '3'");
        assertThatThrownBy(() -> apply(file, Provider.LOCAL, "dev", Setting.PATH_STYLE, "maybe"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("path_style is 'maybe'");
        assertThat(Files.readString(file)).isEqualTo(COMMENTED);
    }
}
