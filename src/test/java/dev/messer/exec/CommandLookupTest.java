package dev.messer.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The program a command word names, with the statuses a shell gives: 127 not found, 126 not runnable. */
class CommandLookupTest {

    @TempDir
    Path temp;

    private Path file(String folder, String name, String mode) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(folder));
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void word_isLookedUpOnPath_andTheFirstExecutableWins() throws IOException {
        file("a", "tool", "rw-------");
        Path second = file("b", "tool", "rwx------");
        file("c", "tool", "rwx------");
        String path = temp.resolve("missing") + ":" + temp.resolve("a") + ":" + temp.resolve("b") + ":" + temp.resolve("c");
        CommandLookup.Found found = CommandLookup.find("tool", path);
        assertThat(found.found()).isTrue();
        assertThat(found.program()).isEqualTo(second);
    }

    @Test
    void word_foundNowhere_is127() {
        CommandLookup.Found found = CommandLookup.find("no-such-command-anywhere", temp.toString());
        assertThat(found.found()).isFalse();
        assertThat(found.failureStatus()).isEqualTo(127);
        assertThat(found.problem()).isEqualTo("not found on PATH; check the command name and PATH");
    }

    @Test
    void word_foundOnlyAsAFileWithoutExecutePermission_is126_namingIt() throws IOException {
        Path blocked = file("a", "tool", "rw-r--r--");
        CommandLookup.Found found = CommandLookup.find("tool", temp.resolve("a").toString());
        assertThat(found.failureStatus()).isEqualTo(126);
        assertThat(found.problem()).isEqualTo(blocked + " is not executable, and no program of that name is on PATH;"
                + " check the command name and PATH");
    }

    @Test
    void word_foundOnlyAsADirectory_is126() throws IOException {
        Files.createDirectories(temp.resolve("a/tool"));
        CommandLookup.Found found = CommandLookup.find("tool", temp.resolve("a").toString());
        assertThat(found.failureStatus()).isEqualTo(126);
        assertThat(found.problem()).contains("is a directory");
    }

    @Test
    void wordWithASlash_isAPath_notLookedUp() throws IOException {
        Path tool = file("a", "tool", "rwx------");
        assertThat(CommandLookup.find(tool.toString(), "/nonexistent").program()).isEqualTo(tool);
        assertThat(CommandLookup.find(temp.resolve("a/none").toString(), null).failureStatus()).isEqualTo(127);
        assertThat(CommandLookup.find(temp.resolve("a/none").toString(), null).problem()).isEqualTo("no such file; check the path");
        Path plain = file("a", "plain", "rw-------");
        assertThat(CommandLookup.find(plain.toString(), null).failureStatus()).isEqualTo(126);
        assertThat(CommandLookup.find(plain.toString(), null).problem()).startsWith("it is not executable");
        assertThat(CommandLookup.find(temp.toString(), null).failureStatus()).isEqualTo(126);
    }

    @Test
    void relativePath_andEmptyPathEntry_meanTheWorkingFolder() {
        Path here = Path.of("").toAbsolutePath();
        assertThat(CommandLookup.find("./mvnw", null).program().normalize()).isEqualTo(here.resolve("mvnw"));
        assertThat(CommandLookup.find("mvnw", "/nonexistent::").program().normalize()).isEqualTo(here.resolve("mvnw"));
        assertThat(CommandLookup.find("mvnw", "/nonexistent").found()).isFalse();
    }

    @Test
    void unsetPath_searchesTheDefault() {
        assertThat(CommandLookup.find("sh", null).program().getFileName().toString()).isEqualTo("sh");
        assertThat(CommandLookup.find("", null).failureStatus()).isEqualTo(127);
    }
}
