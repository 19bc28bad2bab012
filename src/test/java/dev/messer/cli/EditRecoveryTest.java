package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.edit.ScratchFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code data bag edit} when things go wrong: the user's text is offered back instead of lost, an
 * interrupted run stops its editor and wipes the plaintext, and folders that killed runs left are
 * swept by the next run.
 */
class EditRecoveryTest extends EditFixture {

    @Test
    void invalidJson_onATerminal_reopensTheEditorWithWhatTheUserWrote() throws IOException {
        editor("printf '{\"id\":\"db\",\"password\":\"typed-by-hand\"' > \"$1\"", "printf '}' >> \"$1\"");
        FakeTerminal terminal = FakeTerminal.answering("");

        CliRun result = edit(terminal);

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(terminal.prompts).containsExactly("Reopen the editor with your text to fix it? [Y/n] ");
        assertThat(home.resolve("seen-again.json")).hasContent("{\"id\":\"db\",\"password\":\"typed-by-hand\"");
        assertThat(password()).isEqualTo("typed-by-hand");
    }

    @Test
    void invalidJson_declined_writesNothing() throws IOException {
        editor("printf 'not json' > \"$1\"", "exit 0");
        CliRun result = edit(FakeTerminal.answering("n"));
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("not changed");
        assertThat(password()).isEqualTo("old-pass");
    }

    @Test
    void invalidJson_withoutATerminal_failsOnOneLineAsBefore() throws IOException {
        editor("printf 'not json' > \"$1\"", "exit 0");
        CliRun result = edit(FakeTerminal.none());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(home.resolve("seen-again.json")).doesNotExist();
    }

    @Test
    void conflict_onATerminal_reopensWithTheUsersText_andSavesOverTheNewVersion() throws IOException {
        Path other = Files.writeString(home.resolve("other.json"), "{\"id\":\"db\",\"password\":\"theirs\"}");
        editor("sed -i 's/old-pass/mine/' \"$1\"; " + otherMesser("data bag from file local app '" + other
                + "' --secret-file app --force"), "exit 0");

        CliRun result = edit(FakeTerminal.answering("y"));

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).contains("changed by someone else").contains("Saved item app/db");
        assertThat(Files.readString(home.resolve("seen-again.json"))).contains("\"mine\"");
        assertThat(password()).isEqualTo("mine");
    }

    @Test
    void staleScratchFolderOfAKilledRun_isSwept_aLiveOneIsKept() throws Exception {
        Path base = ScratchFolder.base(Path.of(System.getProperty("java.io.tmpdir")));
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path stale = Files.createDirectory(base.resolve("messer-edit-" + finished.pid() + "-test"));
        Files.writeString(stale.resolve("db.json"), "{\"password\":\"left-behind\"}");
        Path live = Files.createDirectory(base.resolve("messer-edit-" + ProcessHandle.current().pid() + "-test"));
        try {
            editor("exit 0", "exit 0");
            CliRun result = edit(FakeTerminal.none());
            assertThat(result.exit()).as(result.toString()).isZero();
            assertThat(result.err()).contains("Removed 1 scratch folder(s)");
            assertThat(stale).doesNotExist();
            assertThat(live).isDirectory();
        } finally {
            Files.deleteIfExists(stale.resolve("db.json"));
            Files.deleteIfExists(stale);
            Files.deleteIfExists(live);
        }
    }

    /** Alive and not a zombie waiting to be reaped (its parent, messer, is gone). */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (Files.exists(stat)) {
            String text = Files.readString(stat);
            return !text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void messerEndedWhileEditing_stopsTheEditor_andWipesTheScratchFolder() throws Exception {
        Path pidFile = home.resolve("editor.pid");
        Path seen = home.resolve("editor.file");
        Path script = home.resolve("slow-editor.sh");
        Files.writeString(script, "#!/bin/sh\nprintf '%s' \"$1\" > '" + seen + "'\necho $$ > '" + pidFile
                + ".tmp'\nmv '" + pidFile + ".tmp' '" + pidFile + "'\nsleep 120\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        sandbox.env.put("EDITOR", script.toString());
        List<String> command = new ArrayList<>(CliSandbox.javaCommand());
        command.addAll(List.of("data", "bag", "edit", "local", "app", "db"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("messer.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(sandbox.env);
        Process messer = builder.start();
        try {
            // events, not durations: the editor has started once its pid file exists; a generous deadline
            // only bounds a JVM start on a loaded machine, and a messer that ended instead is seen at once
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!Files.exists(pidFile) && messer.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(pidFile).as(Files.exists(home.resolve("messer.log"))
                    ? Files.readString(home.resolve("messer.log")) : "no log").exists();
            long editorPid = Long.parseLong(Files.readString(pidFile).trim());
            Path scratchFile = Path.of(Files.readString(seen, StandardCharsets.UTF_8));
            assertThat(scratchFile).exists();

            messer.destroy();
            assertThat(messer.waitFor(180, TimeUnit.SECONDS)).isTrue();

            // messer has exited, so its hook has stopped the editor; a zombie is reaped when it pleases
            long stopDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (running(editorPid) && System.nanoTime() < stopDeadline) {
                Thread.sleep(50);
            }
            assertThat(running(editorPid)).as("editor process " + editorPid + " still runs").isFalse();
            assertThat(scratchFile.getParent()).doesNotExist();
        } finally {
            messer.destroyForcibly();
        }
    }
}
