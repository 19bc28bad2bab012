package dev.messer.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs typical commands one after the other in one JVM, so that one training run of the JVM
 * (an AOT cache on JDK 25, a class-data-sharing archive before) sees the classes and methods of
 * all of them. Each line of the file is one command, its words separated by spaces; blank lines
 * and lines starting with '#' are skipped. Output is discarded and exit statuses are ignored: a
 * failing command still loads the classes of its path. The release bundle is built with it
 * ({@code bin/bundle}); run it in a throw-away HOME, since the commands are real.
 * Usage: {@code java -cp messer.jar dev.messer.cli.TrainingRun COMMANDS-FILE}.
 */
public final class TrainingRun {

    private TrainingRun() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        // bin/messer starts Main, which the commands below never reach (it exits): load it too.
        Class.forName(Main.class.getName());
        // Every run of bin/messer reads its environment through SecretInputs first (Cli.runWithSystem).
        Map<String, String> env = SecretInputs.environment(System.getenv());
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Console console = new Console(discard, discard, new ByteArrayInputStream(new byte[0]),
                    Terminal.system(), env);
            new Cli(console, CommandTree.standard()).run(trimmed.split(" +"));
        }
        System.exit(ExitCodes.OK);
    }
}
