package dev.messer.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's handoff code (bin/lib/exec-handoff.sh) in a real bash, as bin/messer runs it
 * ({@code set -euo pipefail}, then {@code messer_exec_with_handoff JVM-COMMAND...}), with a stand-in
 * for the JVM.
 */
final class LauncherScript {

    static final Path LIBRARY = Path.of("bin/lib/exec-handoff.sh").toAbsolutePath();

    /** The program env(1), by its full path (a handed-over command needs one). */
    static final Path ENV = CommandLookup.find("env", System.getenv("PATH")).program();

    /** bash, by its full path (the environment under test may have any PATH). */
    static final String BASH = CommandLookup.find("bash", System.getenv("PATH")).program().toString();

    record Run(int status, byte[] out, String err) {

        /** stdout as an environment printed by {@code env -0}. */
        Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            String text = new String(out, StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                return env;
            }
            for (String entry : text.substring(0, text.length() - 1).split("\0", -1)) {
                int eq = entry.indexOf('=', 1);
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
            return env;
        }

        @Override
        public String toString() {
            return "status " + status + ", stderr: " + err;
        }
    }

    private LauncherScript() {
    }

    /** Runs the launcher with exactly ENVIRONMENT, and JVM as its JVM. */
    static Run run(Map<String, String> environment, List<String> jvm) {
        List<String> command = new ArrayList<>(List.of(BASH, "-c",
                "set -euo pipefail; source \"$0\"; messer_exec_with_handoff \"$@\"", LIBRARY.toString()));
        command.addAll(jvm);
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            byte[] out = readAll(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the launcher did not end within 60 s");
            }
            return new Run(process.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A JVM stand-in that prints the environment it got, as the JVM would see it, and hands nothing over. */
    static List<String> printingJvm() {
        return List.of(ENV.toString(), "-0");
    }

    /**
     * A JVM stand-in that writes FILE on the handoff pipe (with bash's builtins alone: the PATH under
     * test may be anything), then runs SHELL-CODE (exit 0 when empty).
     */
    static List<String> writingJvm(Path file, String shellCode) {
        return List.of(BASH, "-c", "while IFS= read -r -d '' e; do printf '%s\\0' \"$e\"; done <\"$0\""
                + " >&\"$MESSER_EXEC_HANDOFF_FD\"; printf %s \"$e\" >&\"$MESSER_EXEC_HANDOFF_FD\"; " + shellCode,
                file.toString());
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
