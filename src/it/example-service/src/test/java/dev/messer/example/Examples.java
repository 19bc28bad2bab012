package dev.messer.example;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the example service against a messer configuration file, in this JVM or in a new one. */
final class Examples {

    private Examples() {
    }

    static ConfigurableApplicationContext start(Path config, String... args) {
        List<String> all = new ArrayList<>(List.of("--messer.config=" + config, "--messer.profile=aws"));
        all.addAll(List.of(args));
        return SpringApplication.run(ExampleService.class, all.toArray(String[]::new));
    }

    record Run(int exit, String output) {
    }

    /** The service in a JVM of its own, as a user starts it: its exit status and everything it printed. */
    static Run startProcess(Path config, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ExampleService.class.getName(),
                "--messer.config=" + config, "--messer.profile=aws"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the example service did not exit: " + output);
        }
        return new Run(process.exitValue(), output);
    }

    /** The value {@code /env} shows for a property, from the first property source that has it. */
    static Object shown(EnvironmentEndpoint endpoint, String name) {
        return endpoint.environment(null).getPropertySources().stream()
                .filter(source -> source.getProperties().containsKey(name))
                .map(source -> source.getProperties().get(name).getValue())
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not in /env"));
    }
}
