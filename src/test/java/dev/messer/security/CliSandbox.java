package dev.messer.security;

import dev.messer.cli.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A private machine for driving the CLI in-process: HOME, XDG_CONFIG_HOME, XDG_DATA_HOME and TMPDIR
 * all point into one folder, so every file the tool writes lands inside it.
 */
final class CliSandbox {

    final Path root;
    final Path home;
    final Path configHome;
    final Path dataHome;
    final Path tmp;
    private final Map<String, String> env = new HashMap<>();
    private ScriptedTerminal terminal = ScriptedTerminal.none();

    CliSandbox(Path root) {
        this.root = root;
        this.home = mkdirs(root.resolve("home"));
        this.configHome = mkdirs(root.resolve("config"));
        this.dataHome = mkdirs(root.resolve("data"));
        this.tmp = mkdirs(root.resolve("tmp"));
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", configHome.toString());
        env.put("XDG_DATA_HOME", dataHome.toString());
        env.put("TMPDIR", tmp.toString());
    }

    CliSandbox env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    Map<String, String> env() {
        return Map.copyOf(env);
    }

    CliSandbox terminal(ScriptedTerminal terminal) {
        this.terminal = terminal;
        return this;
    }

    Path configFile() {
        return configHome.resolve("messer").resolve("messer.ini");
    }

    /** The default local_root. */
    Path localRoot() {
        return dataHome.resolve("messer");
    }

    Path secretsBucket() {
        return localRoot().resolve("secrets");
    }

    Path keysBucket() {
        return localRoot().resolve("keys");
    }

    Path masterKeyFile(String name) {
        return localRoot().resolve("master-keys").resolve(name + ".key");
    }

    /** The stored object of an item in the default profile (tier dev). */
    Path storedItem(String bag, String id) {
        return secretsBucket().resolve("dev").resolve(bag).resolve(id);
    }

    /** Where the user's own plaintext input files live (the only place the tool may find plaintext). */
    Path inputs() {
        return root.resolve("input");
    }

    Path writeFile(String name, byte[] content) {
        try {
            Path file = inputs().resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path writeFile(String name, String content) {
        return writeFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Result run(String... args) {
        return runWithStdin(new byte[0], args);
    }

    Result runWithStdin(byte[] stdin, String... args) {
        CliRun run = CliRun.run(env(), stdin, terminal, args);
        return new Result(String.join(" ", args), run.exit(), run.out(), run.err());
    }

    /** Runs and fails the test unless the command succeeded. */
    Result ok(String... args) {
        Result result = run(args);
        if (result.exit() != 0) {
            throw new AssertionError("'" + result.command() + "' failed with " + result.exit() + ": " + result.err());
        }
        return result;
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one command did. */
    record Result(String command, int exit, String out, String err) {
        /** stderr's lines that are not blank. */
        long errLines() {
            return err.lines().filter(l -> !l.isBlank()).count();
        }
    }
}
