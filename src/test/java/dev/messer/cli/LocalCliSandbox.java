package dev.messer.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fresh HOME with a local profile (master key, data key {@code app}, bag {@code app}), driven
 * in-process through {@link Cli} like a user would drive the command line.
 */
final class LocalCliSandbox {

    final Path home;
    final Map<String, String> env = new HashMap<>();

    LocalCliSandbox(Path home) {
        this.home = home;
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("PATH", System.getenv("PATH"));
    }

    /** Configures the local profile, creates data key and bag {@code app}. */
    LocalCliSandbox withBag() {
        expectOk(run("configure", "local", "-m", "test", "-e", "dev"));
        expectOk(run("encryption", "create", "local", "app"));
        expectOk(run("data", "bag", "create", "local", "app"));
        return this;
    }

    /** Uploads an item given as JSON text into bag {@code app}. */
    LocalCliSandbox upload(String json) {
        expectOk(runWithInput(json, "data", "bag", "from", "file", "local", "app", "-", "--secret-file", "app", "--force"));
        return this;
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), noTerminal(), env);
        int exit = new Cli(console, CommandTree.standard()).run(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The environment as {@code NAME=value} strings for a child process. */
    String[] envArray() {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** The command line that runs messer in a separate JVM, with this test's class path. */
    static List<String> javaCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
    }

    static void expectOk(Result result) {
        if (result.exit() != 0) {
            throw new AssertionError("command failed: " + result);
        }
    }

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Terminal noTerminal() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return false;
            }

            @Override
            public String readLine(String prompt) {
                return null;
            }

            @Override
            public char[] readSecret(String prompt) {
                return null;
            }
        };
    }
}
