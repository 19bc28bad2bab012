package dev.messer.cli;

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
        return uploadTo("app", json);
    }

    /** Creates another bag. */
    LocalCliSandbox bag(String bag) {
        expectOk(run("data", "bag", "create", "local", bag));
        return this;
    }

    /** Uploads an item given as JSON text into BAG, sealed with data key {@code app}. */
    LocalCliSandbox uploadTo(String bag, String json) {
        expectOk(runWithInput(json, "data", "bag", "from", "file", "local", bag, "-", "--secret-file", "app", "--force"));
        return this;
    }

    CliRun run(String... args) {
        return runWithInput("", args);
    }

    CliRun runWithInput(String stdin, String... args) {
        return CliRun.run(env, stdin.getBytes(StandardCharsets.UTF_8), args);
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

    static void expectOk(CliRun result) {
        if (result.exit() != 0) {
            throw new AssertionError("command failed: " + result);
        }
    }
}
