package dev.messer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of {@code data bag edit} share: a sandbox with item {@code app/db} (password
 * {@code old-pass}), an editor made of two shell commands, a second messer in another JVM, and the
 * kept texts removed after each test.
 */
abstract class EditFixture {

    @TempDir
    Path home;

    CliSandbox sandbox;

    @BeforeEach
    void setUpItem() {
        sandbox = new CliSandbox(home).withBag().upload("{\"id\":\"db\",\"password\":\"old-pass\"}");
    }

    @AfterEach
    void removeKept() {
        KeptEdits.removeOurs();
    }

    /**
     * An editor script: {@code first} on the first run, {@code then} on every later one, which also
     * copies the text it was given to {@code seen-again.json}.
     */
    void editor(String first, String then) throws IOException {
        Path script = home.resolve("editor.sh");
        Path ran = home.resolve("editor.ran");
        Files.writeString(script, "#!/bin/sh\n"
                + "if [ -e '" + ran + "' ]; then cp \"$1\" '" + home.resolve("seen-again.json") + "'; " + then + "\n"
                + "else touch '" + ran + "'; " + first + "\nfi\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        sandbox.env.put("EDITOR", script.toString());
    }

    /** A shell command that runs messer in another JVM on this sandbox, as a second user would. */
    String otherMesser(String args) {
        StringBuilder command = new StringBuilder("HOME='" + sandbox.env.get("HOME") + "' XDG_CONFIG_HOME='"
                + sandbox.env.get("XDG_CONFIG_HOME") + "' XDG_DATA_HOME='" + sandbox.env.get("XDG_DATA_HOME") + "' ");
        for (String word : CliSandbox.javaCommand()) {
            command.append('\'').append(word).append("' ");
        }
        return command + args + " --silent";
    }

    CliRun edit(Terminal terminal) {
        return CliRun.run(sandbox.env, new byte[0], terminal, "data", "bag", "edit", "local", "app", "db");
    }

    String password() {
        return sandbox.run("data", "bag", "show", "local", "app", "db", "--decrypt", "--field", "password", "-n").out();
    }
}
