package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command takes its options from the option index, so a JVM that runs one reads no annotation of
 * an option and generates no proxy class for it (which neither the AppCDS archive nor the AOT cache
 * can hold). Separate JVMs, because the test's own JVM has read annotations long before.
 */
class OptionsWithoutProxiesTest {

    /** A generated proxy class in a class-load log: {@code jdk.proxy1.$Proxy0}, not {@code java.lang.reflect.Proxy$ProxyBuilder}. */
    private static final Pattern PROXY = Pattern.compile("\\.\\$Proxy[0-9]+ ");

    @TempDir
    Path sandbox;

    @Test
    void showingALocalItemDecrypted_loadsTheIndex_andNoProxyClass() throws Exception {
        CliSandbox cli = new CliSandbox(sandbox).withBag().upload("{\"id\":\"db\",\"password\":\"pw\"}");
        Path log = sandbox.resolve("classes.log");

        Run run = run(cli, log, CliSandbox.javaCommand(), "data", "bag", "show", "local", "app", "db", "--decrypt");

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).contains("\"password\":\"pw\"");
        List<String> classes = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(classes).anyMatch(line -> line.contains(" dev.messer.cli.OptionIndex "))
                .anyMatch(line -> line.contains(" dev.messer.cli.DataBagShowCommand "))
                .noneMatch(line -> PROXY.matcher(line).find());
    }

    @Test
    void readingTheAnnotations_asTheIndexsWriterDoes_loadsProxyClasses_whichTheCheckAboveSees() throws Exception {
        CliSandbox cli = new CliSandbox(sandbox);
        Path log = sandbox.resolve("classes.log");

        Run run = run(cli, log, CliSandbox.javaCommand(OptionIndexWriter.class), sandbox.resolve("options.index").toString());

        assertThat(run.exit).as(run.err).isZero();
        assertThat(Files.readAllLines(log, StandardCharsets.UTF_8)).anyMatch(line -> PROXY.matcher(line).find());
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(CliSandbox cli, Path log, List<String> java, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(java);
        command.add(1, "-Xlog:class+load:file=" + log);
        command.add(1, "-XX:TieredStopAtLevel=1");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(cli.root.resolve("out").toFile())
                .redirectError(cli.root.resolve("err").toFile());
        builder.environment().clear();
        builder.environment().putAll(cli.env);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 120 s: " + command);
        }
        return new Run(process.exitValue(), Files.readString(cli.root.resolve("out")),
                Files.readString(cli.root.resolve("err")));
    }
}
