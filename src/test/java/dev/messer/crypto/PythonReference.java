package dev.messer.crypto;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent Python implementation {@code vectors/messer_vectors.py}. Python 3 with the
 * {@code cryptography} package is a requirement of the test suite: when it is missing the calling
 * test fails with a message saying what to install, it is never skipped.
 */
final class PythonReference {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private PythonReference() {
    }

    static Path script() {
        try {
            return Path.of(PythonReference.class.getResource("/vectors/messer_vectors.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the script and fails the test unless it exits 0. @return its standard output */
    static String runOk(String... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            fail("messer_vectors.py " + String.join(" ", args) + " exited " + result.exitCode() + ": "
                    + result.stderr() + result.stdout());
        }
        return result.stdout();
    }

    static Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("python3", script().toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new AssertionError("python3 is required by the test suite to check the formats against an "
                    + "independent implementation, and could not be started (" + e.getMessage()
                    + "); install Python 3 and 'pip install cryptography'", e);
        }
        try {
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("messer_vectors.py did not finish");
            }
            String stderr = new String(err, StandardCharsets.UTF_8);
            if (stderr.contains("ModuleNotFoundError") || stderr.contains("No module named")) {
                throw new AssertionError("the Python package 'cryptography' is required by the test suite "
                        + "(pip install cryptography): " + stderr.strip());
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), stderr);
        } catch (IOException e) {
            throw new AssertionError("cannot talk to python3: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for python3", e);
        }
    }
}
