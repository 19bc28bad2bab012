package dev.messer.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The one way tests drive the command line: a private machine under {@code root} (HOME at
 * {@code root/home}, XDG_CONFIG_HOME and XDG_DATA_HOME inside it, TMPDIR at {@code root/tmp}), a
 * {@link FakeTerminal}, stdin, and runs in-process through {@link CliRun}. Nothing is created in
 * HOME until a command creates it.
 */
public final class CliSandbox {

    public final Path root;
    public final Path home;
    public final Path configHome;
    public final Path dataHome;
    public final Path tmp;
    /** The whole environment of every run; tests add to it. */
    public final Map<String, String> env = new HashMap<>();
    public Terminal terminal = FakeTerminal.none();
    public byte[] stdin = new byte[0];

    public CliSandbox(Path root) {
        this.root = root;
        this.home = root.resolve("home");
        this.configHome = home.resolve(".config");
        this.dataHome = home.resolve(".local/share");
        this.tmp = mkdirs(root.resolve("tmp"));
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", configHome.toString());
        env.put("XDG_DATA_HOME", dataHome.toString());
        env.put("TMPDIR", tmp.toString());
        env.put("PATH", System.getenv("PATH"));
    }

    /** Sets one variable of the environment, or removes it when {@code value} is null. */
    public CliSandbox env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    /** A copy of the environment. */
    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    public CliSandbox terminal(Terminal terminal) {
        this.terminal = terminal;
        return this;
    }

    public Path configFile() {
        return configHome.resolve("messer/messer.ini");
    }

    /** The default local_root. */
    public Path localRoot() {
        return dataHome.resolve("messer");
    }

    public Path secretsBucket() {
        return localRoot().resolve("secrets");
    }

    public Path keysBucket() {
        return localRoot().resolve("keys");
    }

    public Path masterKeyFile(String name) {
        return localRoot().resolve("master-keys").resolve(name + ".key");
    }

    /** The stored object of an item in the default local profile (tier dev). */
    public Path storedItem(String bag, String id) {
        return secretsBucket().resolve("dev").resolve(bag).resolve(id);
    }

    /** Where the user's own input files live, outside HOME. */
    public Path inputs() {
        return root.resolve("input");
    }

    public CliRun run(String... args) {
        return run(CommandTree.standard(), args);
    }

    public CliRun run(CommandTree tree, String... args) {
        return CliRun.run(tree, env(), stdin, terminal, args);
    }

    public CliRun runWithInput(String input, String... args) {
        return runWithStdin(input.getBytes(StandardCharsets.UTF_8), args);
    }

    public CliRun runWithStdin(byte[] input, String... args) {
        return CliRun.run(CommandTree.standard(), env(), input, terminal, args);
    }

    /** Runs a command that must succeed. */
    public CliRun ok(String... args) {
        return expectOk(run(args));
    }

    public static CliRun expectOk(CliRun result) {
        if (result.exit() != 0) {
            throw new AssertionError("expected success of '" + result.command() + "'\n" + result);
        }
        return result;
    }

    /** Configures the local profile (master key test, tier dev) and creates data key and bag {@code app}. */
    public CliSandbox withBag() {
        ok("configure", "local", "-m", "test", "-e", "dev");
        ok("encryption", "create", "local", "app");
        return bag("app");
    }

    public CliSandbox bag(String bag) {
        ok("data", "bag", "create", "local", bag);
        return this;
    }

    /** Uploads an item given as JSON text into bag {@code app}. */
    public CliSandbox upload(String json) {
        return uploadTo("app", json);
    }

    /** Uploads an item given as JSON text into BAG, sealed with data key {@code app}. */
    public CliSandbox uploadTo(String bag, String json) {
        expectOk(runWithInput(json, "data", "bag", "from", "file", "local", bag, "-", "--secret-file", "app", "--force"));
        return this;
    }

    /** Writes a file under {@code root}. */
    public Path write(String name, String content) {
        return writeAt(root.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes one of the user's input files (see {@link #inputs()}). */
    public Path writeFile(String name, byte[] content) {
        return writeAt(inputs().resolve(name), content);
    }

    public Path writeFile(String name, String content) {
        return writeFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The environment as {@code NAME=value} strings for a child process. */
    public String[] envArray() {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** The command line that runs messer in a separate JVM, with this test's class path. */
    public static List<String> javaCommand() {
        return javaCommand(Main.class);
    }

    /** The command line of a JVM running {@code main} with the test class path. */
    public static List<String> javaCommand(Class<?> main) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName());
    }

    /** Every file and folder under {@code root} with its content, to prove a command changed nothing. */
    public Map<String, String> snapshot() {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(p -> tree.put(root.relativize(p) + (Files.isDirectory(p) ? "/" : ""), describe(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    private static String describe(Path p) {
        try {
            if (Files.isDirectory(p)) {
                return "dir";
            }
            if (!Files.isReadable(p)) {
                return "unreadable";
            }
            return HexFormat.of().formatHex(Files.readAllBytes(p)) + " " + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return "error " + e.getClass().getSimpleName();
        }
    }

    private static Path writeAt(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
