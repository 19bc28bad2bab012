package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data bag edit} with a scripted editor (a shell script set as EDITOR). */
class DataBagEditTest {

    @TempDir
    Path home;

    CliSandbox sandbox;
    Path log;
    Path link;

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(home).withBag().upload("{\"id\":\"db\",\"password\":\"old-pass\",\"user\":\"app\"}");
        log = home.resolve("editor.log");
    }

    @AfterEach
    void removeLink() throws IOException {
        if (link != null) {
            Files.deleteIfExists(link);
        }
        KeptEdits.removeOurs();
    }

    /** An editor that logs the file, its mode and its folder's mode, then runs {@code action} on "$1". */
    private void editor(String action) throws IOException {
        Path script = home.resolve("editor.sh");
        Files.writeString(script, "#!/bin/sh\n"
                + "printf '%s\\n' \"$1\" > '" + log + "'\n"
                + "stat -c '%a' \"$1\" \"$(dirname \"$1\")\" >> '" + log + "'\n"
                + action + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        sandbox.env.put("EDITOR", script.toString());
    }

    private CliRun edit() {
        return sandbox.run("data", "bag", "edit", "local", "app", "db");
    }

    private String stored() throws IOException {
        return sandbox.run("data", "bag", "show", "local", "app", "db").out();
    }

    private String password() {
        return sandbox.run("data", "bag", "show", "local", "app", "db", "--decrypt", "--field", "password", "-n").out();
    }

    private List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }

    @Test
    void editedValue_isStored_andScratchFileWasPrivate_inSharedMemory_andIsGone() throws IOException {
        editor("sed -i 's/old-pass/new-pass/' \"$1\"");
        CliRun result = edit();
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).contains("Saved item app/db");
        assertThat(password()).isEqualTo("new-pass");
        List<String> lines = logLines();
        Path file = Path.of(lines.get(0));
        assertThat(lines.subList(1, 3)).containsExactly("600", "700");
        if (Files.isDirectory(Path.of("/dev/shm"))) {
            assertThat(file.toString()).startsWith("/dev/shm/messer-");
        }
        assertThat(file).doesNotExist();
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void theFileTheEditorSees_isThePrettyDecryptedItem() throws IOException {
        Path copy = home.resolve("seen.json");
        editor("cp \"$1\" '" + copy + "'");
        assertThat(edit().exit()).isZero();
        String seen = Files.readString(copy);
        assertThat(seen).contains("\n  \"password\": \"old-pass\"");
        assertThat(JsonParser.parseString(seen).getAsJsonObject().keySet()).containsExactly("id", "password", "user");
    }

    @Test
    void scratchFile_isOverwrittenWithZerosBeforeItIsDeleted() throws IOException {
        Path shm = Path.of("/dev/shm");
        if (!Files.isDirectory(shm)) {
            throw dev.messer.files.RequiredSwitch.skipped("MESSER_REQUIRE_DEV_SHM",
                    "no /dev/shm on this machine: where the scratch file goes cannot be watched");
        }
        link = shm.resolve("messer-edit-test-" + UUID.randomUUID());
        editor("sed -i 's/old-pass/new-pass/' \"$1\"; ln \"$1\" '" + link + "'");
        assertThat(edit().exit()).isZero();
        byte[] left = Files.readAllBytes(link);
        assertThat(left).isNotEmpty();
        assertThat(new String(left, StandardCharsets.ISO_8859_1)).matches("\u0000+");
    }

    @Test
    void unchangedContent_writesNothing() throws IOException {
        String before = stored();
        editor("true");
        CliRun result = edit();
        assertThat(result.exit()).isZero();
        assertThat(result.err()).contains("No changes");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void reformattedButEqualJson_writesNothing() throws IOException {
        String before = stored();
        editor("tr -d ' \\n' < \"$1\" > \"$1.tmp\" && cat \"$1.tmp\" > \"$1\"");
        CliRun result = edit();
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void invalidJson_isReportedInOneLine_nothingIsWritten_andTheFileIsGone() throws IOException {
        String before = stored();
        editor("printf '{\"id\": \"db\", \"password\": ' > \"$1\"");
        CliRun result = edit();
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("edited item app/db").contains("not changed").hasLineCount(1);
        assertThat(stored()).isEqualTo(before);
        assertThat(Path.of(logLines().get(0)).getParent()).doesNotExist();
    }

    @Test
    void changedId_isRefused() throws IOException {
        String before = stored();
        editor("sed -i 's/\"db\"/\"other\"/' \"$1\"");
        CliRun result = edit();
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("'other'").contains("cannot rename");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void failingEditor_writesNothing_andTheFileIsGone() throws IOException {
        String before = stored();
        editor("sed -i 's/old-pass/new-pass/' \"$1\"; exit 3");
        CliRun result = edit();
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("status 3").contains("not changed");
        assertThat(stored()).isEqualTo(before);
        assertThat(Path.of(logLines().get(0)).getParent()).doesNotExist();
    }

    @Test
    void itemChangedWhileEditing_isNotOverwritten() throws IOException {
        Path other = Files.writeString(home.resolve("other.json"), "{\"id\":\"db\",\"password\":\"theirs\"}");
        StringBuilder upload = new StringBuilder();
        for (String word : CliSandbox.javaCommand()) {
            upload.append('\'').append(word).append("' ");
        }
        editor("sed -i 's/old-pass/mine/' \"$1\"; HOME='" + home + "' XDG_CONFIG_HOME='" + sandbox.env.get("XDG_CONFIG_HOME")
                + "' XDG_DATA_HOME='" + sandbox.env.get("XDG_DATA_HOME") + "' " + upload
                + "data bag from file local app '" + other + "' --secret-file app --force --silent");
        CliRun result = edit();
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("changed by someone else").contains("not saved");
        assertThat(password()).isEqualTo("theirs");
    }

    @Test
    void visual_isPreferredOverEditor() throws IOException {
        editor("exit 9");
        Path visual = home.resolve("visual.sh");
        Files.writeString(visual, "#!/bin/sh\nsed -i 's/old-pass/from-visual/' \"$1\"\n");
        Files.setPosixFilePermissions(visual, PosixFilePermissions.fromString("rwx------"));
        sandbox.env.put("VISUAL", visual.toString());
        assertThat(edit().exit()).isZero();
        assertThat(password()).isEqualTo("from-visual");
    }

    @Test
    void missingItem_failsBeforeAnyEditorRuns() {
        sandbox.env.put("EDITOR", "touch " + home.resolve("ran"));
        CliRun result = sandbox.run("data", "bag", "edit", "local", "app", "nope");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(home.resolve("ran")).doesNotExist();
    }
}
