package dev.messer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-place edits: what is set is what is read back, and every other line stays. */
class IniTextTest {

    @TempDir
    Path dir;

    private IniFile setAndReload(String text, String section, String option, String value) throws IOException {
        Path file = dir.resolve("t.ini");
        Files.writeString(file, text);
        IniFile ini = IniFile.load(file);
        ini.set(section, option, value);
        ini.save();
        return IniFile.load(file);
    }

    @Test
    void duplicateOption_theOneThatIsReadIsTheOneSet() throws IOException {
        IniFile reloaded = setAndReload("[profile d]\ntier = a\ntier = b\n", "profile d", "tier", "c");
        assertThat(reloaded.section("profile d")).containsEntry("tier", "c");
    }

    @Test
    void repeatedSection_theValueSetIsTheOneRead() throws IOException {
        IniFile reloaded = setAndReload("[profile d]\ntier = a\n[messer]\nx = 1\n[profile d]\nmaster_key = m\n",
                "profile d", "tier", "c");
        assertThat(reloaded.section("profile d")).containsEntry("tier", "c");
    }

    @Test
    void colonSeparator_andIndentedOption_areRecognised() throws IOException {
        IniFile reloaded = setAndReload("[profile d]\n  tier: a\n", "profile d", "tier", "c");
        assertThat(reloaded.section("profile d")).containsEntry("tier", "c");
        assertThat(Files.readString(dir.resolve("t.ini"))).isEqualTo("[profile d]\ntier = c\n");
    }

    @Test
    void fileWithoutTrailingNewline_getsOne() throws IOException {
        setAndReload("[messer]\ntier = a", "messer", "tier", "b");
        assertThat(Files.readString(dir.resolve("t.ini"))).isEqualTo("[messer]\ntier = b\n");
    }

    @Test
    void windowsLineEndings_areRead_andTheEditedFileIsConsistent() throws IOException {
        IniFile reloaded = setAndReload("[messer]\r\ntier = a\r\nmaster_key = m\r\n", "messer", "tier", "b");
        assertThat(reloaded.section("messer")).containsEntry("tier", "b").containsEntry("master_key", "m");
    }

    @Test
    void theWriterRefusesControlCharacters_andBracketsInSectionNames_andTheFileStaysAsItWas() throws IOException {
        Path file = dir.resolve("t.ini");
        Files.writeString(file, "[profile d]\ntier = a\n");
        IniFile ini = IniFile.load(file);
        for (String[] bad : new String[][] {
                {"profile d", "role_session_name", "a\nendpoint_url = http://127.0.0.1:1"},
                {"profile d", "tier", "a\rb"},
                {"profile d", "tier", "\u001b[2J"},
                {"profile d\n[messer]", "tier", "a"},
                {"profile d]x", "tier", "a"}}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ini.set(bad[0], bad[1], bad[2]))
                    .isInstanceOf(dev.messer.error.ConfigException.class)
                    .hasMessageStartingWith("cannot write " + bad[1] + " in [")
                    .hasMessageEndingWith(", which would break the ini file; give one line of printable text")
                    .hasMessageNotContaining("\n").hasMessageNotContaining("\u001b");
        }
        ini.save();
        assertThat(Files.readString(file)).isEqualTo("[profile d]\ntier = a\n");
        assertThat(IniFile.load(file).section("profile d")).containsExactly(Map.entry("tier", "a"));
    }
}
