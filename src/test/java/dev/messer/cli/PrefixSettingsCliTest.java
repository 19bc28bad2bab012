package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tier or secrets_folder that is not a name stops a command before it touches a store, and configure refuses to write one. */
class PrefixSettingsCliTest {

    @TempDir
    Path home;
    CliSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(home).withBag();
    }

    private List<Path> storeEntries() throws IOException {
        try (Stream<Path> paths = Files.walk(home.resolve("home/.local/share/messer"))) {
            return paths.toList();
        }
    }

    @Test
    void aWildcardOrDotDotTier_orFolder_fromTheEnvironment_isRefused_andNothingIsWritten() throws IOException {
        List<Path> before = storeEntries();
        for (String variable : List.of("MESSER_TIER", "MESSER_SECRETS_FOLDER")) {
            for (String value : List.of("*", "?", "..", "dev/../../x", "dev/prod")) {
                sandbox.env.put(variable, value);
                CliRun run = sandbox.run("data", "bag", "create", "local", "other");
                assertThat(run.exit()).as(variable + "=" + value + " " + run).isEqualTo(2);
                assertThat(run.err()).contains("(from " + variable + ")").contains("A-Z a-z 0-9 _ . -").hasLineCount(1);
            }
            sandbox.env.remove(variable);
        }
        assertThat(storeEntries()).isEqualTo(before);
    }

    @Test
    void configure_refusesToWriteATierThatIsNotAName() throws IOException {
        Path config = home.resolve("home/.config/messer/messer.ini");
        String before = Files.readString(config);

        CliRun run = sandbox.run("configure", "local", "-e", "*");

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("tier is '*'");
        assertThat(Files.readString(config)).isEqualTo(before);
        CliSandbox.expectOk(sandbox.run("data", "bag", "show", "local"));
    }
}
