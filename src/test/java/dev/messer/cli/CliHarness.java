package dev.messer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs the CLI in-process in a sandbox: HOME, XDG_CONFIG_HOME and XDG_DATA_HOME point into a
 * temporary folder, the terminal is fake, and stdout/stderr are captured.
 */
final class CliHarness {

    final Path home;
    final Map<String, String> env = new HashMap<>();
    Terminal terminal = FakeTerminal.none();
    byte[] stdin = new byte[0];

    CliHarness(Path sandbox) {
        this.home = sandbox.resolve("home");
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    }

    Path configFile() {
        return home.resolve(".config/messer/messer.ini");
    }

    Path localRoot() {
        return home.resolve(".local/share/messer");
    }

    /** What one run printed and returned. */
    record Result(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        List<String> outLines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "status " + status + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    Result run(String... args) {
        return run(CommandTree.standard(), args);
    }

    Result run(CommandTree tree, String... args) {
        CliRun run = CliRun.run(tree, Map.copyOf(env), stdin, terminal, args);
        return new Result(run.exit(), run.out(), run.err());
    }

    /** Runs a command that must succeed. */
    Result ok(String... args) {
        Result result = run(args);
        if (result.status() != 0) {
            throw new AssertionError("expected success of " + String.join(" ", args) + "\n" + result);
        }
        return result;
    }

    Path write(String name, String content) {
        try {
            Path file = home.getParent().resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file and folder under the sandbox with its content, to prove a command changed nothing. */
    Map<String, String> snapshot() {
        Path root = home.getParent();
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(p -> {
                String name = root.relativize(p).toString();
                try {
                    if (Files.isDirectory(p)) {
                        tree.put(name + "/", "dir");
                    } else if (Files.isReadable(p)) {
                        tree.put(name, java.util.HexFormat.of().formatHex(Files.readAllBytes(p))
                                + " " + Files.getLastModifiedTime(p).toMillis());
                    } else {
                        tree.put(name, "unreadable");
                    }
                } catch (IOException e) {
                    tree.put(name, "error " + e.getClass().getSimpleName());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }
}
