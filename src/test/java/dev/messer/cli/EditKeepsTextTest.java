package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * {@code data bag edit} never discards what the user typed: on a terminal the editor reopens with it
 * on every invalid-text and conflict path; without one, or when the user declines, the text is kept
 * in a private file that the error names, with commands that run as written.
 */
class EditKeepsTextTest extends EditFixture {

    @Test
    void invalidJson_withoutATerminal_keepsTheTextPrivately_andTheNamedCommandsRunAsWritten() throws IOException {
        editor("printf '{\"id\":\"db\",\"password\":\"typed-by-hand\"' > \"$1\"", "exit 0");

        CliRun result = edit(FakeTerminal.none());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).hasLineCount(1).contains("not changed").contains("mode 0600");
        Path kept = KeptEdits.named(result.err());
        assertThat(kept).hasContent("{\"id\":\"db\",\"password\":\"typed-by-hand\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept.getParent()))).isEqualTo("rwx------");
        assertThat(result.err()).contains("'messer data bag from file local app " + kept + " --secret-file app --force'")
                .contains("'messer data bag diff local app db --file " + kept + "'");
        assertThat(password()).isEqualTo("old-pass");

        Files.writeString(kept, "}", java.nio.file.StandardOpenOption.APPEND);
        CliSandbox.expectOk(sandbox.run("data", "bag", "from", "file", "local", "app", kept.toString(),
                "--secret-file", "app", "--force"));
        assertThat(password()).isEqualTo("typed-by-hand");
        assertThat(sandbox.run("data", "bag", "edit", "local", "app", "db").err())
                .as("a later edit run does not sweep the kept text away").doesNotContain("Removed");
        assertThat(kept).exists();
    }

    @Test
    void conflict_withoutATerminal_keepsTheUsersText_andTheOtherWritersVersionStays() throws IOException {
        Path other = Files.writeString(home.resolve("other.json"), "{\"id\":\"db\",\"password\":\"theirs\"}");
        editor("sed -i 's/old-pass/mine/' \"$1\"; " + otherMesser("data bag from file local app '" + other
                + "' --secret-file app --force"), "exit 0");

        CliRun result = edit(FakeTerminal.none());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).hasLineCount(1).contains("changed by someone else");
        assertThat(KeptEdits.named(result.err())).content().contains("\"mine\"");
        assertThat(password()).isEqualTo("theirs");
    }

    @Test
    void itemDeletedWhileEditing_onATerminal_offersTheEditor_thenKeepsTheText() throws IOException {
        editor("sed -i 's/old-pass/mine/' \"$1\"; " + otherMesser("data bag delete local app db"), "exit 0");
        FakeTerminal terminal = FakeTerminal.answering("y");

        CliRun result = edit(terminal);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(terminal.prompts).hasSize(1);
        assertThat(result.err()).contains("changed by someone else").contains("does not exist");
        assertThat(KeptEdits.named(result.err())).content().contains("\"mine\"");
    }

    @Test
    void declinedReopen_onATerminal_keepsTheText_andSaysWhere() throws IOException {
        editor("printf 'not json, but mine' > \"$1\"", "exit 0");

        CliRun result = edit(FakeTerminal.answering("n"));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(KeptEdits.named(result.err())).hasContent("not json, but mine");
        assertThat(password()).isEqualTo("old-pass");
    }
}
