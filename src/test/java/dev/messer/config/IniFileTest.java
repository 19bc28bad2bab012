package dev.messer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IniFileTest {

    @TempDir
    Path dir;

    @Test
    void profilesAndSections_areRead_withEmptyValuesDropped() throws IOException {
        Path file = dir.resolve("a.ini");
        Files.writeString(file, "[messer]\ntier=\nmaster_key = mk ; note\n[profile  dev ]\ntier = dev\n[profile b]\n");
        IniFile ini = IniFile.load(file);

        assertThat(ini.profiles()).containsExactly("dev", "b");
        assertThat(ini.section("messer")).containsExactly(java.util.Map.entry("master_key", "mk"));
        assertThat(ini.section("nosuch")).isEmpty();
    }

    @Test
    void valueThatIsOnlyAComment_isEmpty() throws IOException {
        Path file = dir.resolve("c.ini");
        Files.writeString(file, "[profile p]\ntier =    ; fill in\nmaster_key = mk\n");
        assertThat(IniFile.load(file).section("profile p")).doesNotContainKey("tier").containsEntry("master_key", "mk");
    }

    @Test
    void missingFile_isAConfigError() {
        Path file = dir.resolve("missing.ini");
        assertThatThrownBy(() -> IniFile.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage("config file " + file + " does not exist; create it with 'messer configure <provider>' "
                        + "or pass another with -c");
    }

    @Test
    void directory_isAConfigError() {
        assertThatThrownBy(() -> IniFile.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessage("config file " + dir + " is a directory, not an ini file; pass an ini file with -c");
    }

    @Test
    void unreadableFile_isAConfigError() throws IOException {
        Path file = dir.resolve("locked.ini");
        Files.writeString(file, "[messer]\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Path unreadable = Files.isReadable(file) ? file.resolve("below-a-file.ini") : file;
        assertThatThrownBy(() -> IniFile.load(unreadable)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot read config file " + unreadable).hasMessageNotContaining("\n");
    }

    @Test
    void pathThroughAFile_isAConfigErrorNamingTheReasonOnce() throws IOException {
        Path file = dir.resolve("plain");
        Files.writeString(file, "x");
        Path through = file.resolve("messer.ini");
        assertThatThrownBy(() -> IniFile.load(through)).isInstanceOf(ConfigException.class)
                .hasMessage("cannot read config file " + through + " (Not a directory); check the path and its "
                        + "permissions, or pass another with -c");
    }

    @Test
    void saveIntoAFolderThatCannotBeMade_isAConfigError() throws IOException {
        Path file = dir.resolve("plain");
        Files.writeString(file, "x");
        IniFile ini = IniFile.empty(file.resolve("sub/messer.ini"));
        ini.set("messer", "tier", "t");
        assertThatThrownBy(ini::save).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot write config file " + file.resolve("sub/messer.ini") + " (")
                .hasMessageEndingWith("); check the permissions of its folder");
    }

    @Test
    void notAnIniFile_isAConfigErrorOnOneLine() throws IOException {
        Path file = dir.resolve("bad.ini");
        Files.writeString(file, "{\"json\": true}\n[unclosed\n");
        assertThatThrownBy(() -> IniFile.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config file " + file + " is not a valid ini file")
                .hasMessageEndingWith("; fix it or pass another with -c").hasMessageNotContaining("\n");
    }

    @Test
    void save_replacesTheFileAtomically_withMode0600() throws IOException {
        Path file = dir.resolve("x.ini");
        Files.writeString(file, "[messer]\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IniFile ini = IniFile.load(file);
        ini.set("messer", "tier", "t");
        ini.save();

        assertThat(Files.readString(file)).isEqualTo("[messer]\ntier = t\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("x.ini");
        }
    }

    @Test
    void remove_dropsOnlyThatLine() throws IOException {
        Path file = dir.resolve("r.ini");
        Files.writeString(file, "[a]\n; keep\nx = 1\ny = 2\n[b]\nx = 3\n");
        IniFile ini = IniFile.load(file);
        ini.remove("a", "x");
        ini.save();

        assertThat(Files.readString(file)).isEqualTo("[a]\n; keep\ny = 2\n[b]\nx = 3\n");
        assertThat(IniFile.load(file).section("a")).doesNotContainKey("x");
    }

    @Test
    void inlineCommentStripping_needsWhitespaceBeforeTheMarker() {
        assertThat(IniFile.stripInlineComment("value ; c")).isEqualTo("value");
        assertThat(IniFile.stripInlineComment("value\t# c")).isEqualTo("value");
        assertThat(IniFile.stripInlineComment("a;b#c")).isEqualTo("a;b#c");
        assertThat(IniFile.stripInlineComment("; only a comment")).isEmpty();
        assertThat(IniFile.stripInlineComment("# only a comment")).isEmpty();
    }
}
