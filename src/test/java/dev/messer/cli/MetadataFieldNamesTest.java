package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item fields named {@code key_name} or {@code key_version} would replace what {@code show --decrypt}
 * prints about the item's key: every way a user writes fields refuses them, and nothing is stored.
 */
class MetadataFieldNamesTest {

    @TempDir
    Path home;

    CliSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(home).withBag().upload("{\"id\":\"db\",\"password\":\"p\"}");
    }

    private String decrypted() {
        return sandbox.run("data", "bag", "show", "local", "app", "db", "--decrypt").out();
    }

    @Test
    void fromFile_withKeyNameOrKeyVersion_isRefused_andTheStoredItemKeepsItsKey() {
        for (String field : new String[] {"key_name", "key_version"}) {
            CliRun result = sandbox.runWithInput("{\"id\":\"db\",\"" + field + "\":\"mine\"}",
                    "data", "bag", "from", "file", "local", "app", "-", "--secret-file", "app", "--force");
            assertThat(result.exit()).as(result.toString()).isEqualTo(1);
            assertThat(result.err()).contains("has a field \"" + field + "\"").contains("remove or rename")
                    .hasLineCount(1);
        }
        assertThat(decrypted()).contains("\"key_name\":\"app\"").doesNotContain("mine");
    }

    @Test
    void set_ofAMetadataName_isRefused_butOtherFieldsStillSet() {
        CliRun refused = sandbox.runWithInput("x\n", "data", "bag", "set", "local", "app", "db", "key_version");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("has a field \"key_version\"");
        assertThat(decrypted()).contains("\"key_version\":0");
        CliRun other = sandbox.runWithInput("x\n", "data", "bag", "set", "local", "app", "db", "key_hint");
        assertThat(other.exit()).as(other.toString()).isZero();
    }

    @Test
    void edit_thatAddsKeyName_isRefused_withoutATerminal() throws IOException {
        Path script = home.resolve("editor.sh");
        Files.writeString(script, "#!/bin/sh\nprintf '{\"id\":\"db\",\"password\":\"p\",\"key_name\":\"other\"}' > \"$1\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        sandbox.env.put("EDITOR", script.toString());
        CliRun result = CliRun.run(sandbox.env, new byte[0], FakeTerminal.none(), "data", "bag", "edit", "local", "app",
                "db");
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("has a field \"key_name\"");
        assertThat(decrypted()).contains("\"key_name\":\"app\"").doesNotContain("other");
        assertThat(KeptEdits.named(result.err())).content().contains("\"key_name\":\"other\"");
    }

    @AfterEach
    void removeKept() {
        KeptEdits.removeOurs();
    }
}
