package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** encryption delete asks first: yes deletes, anything else keeps; no terminal refuses unless --no-prompt. */
class EncryptionDeleteTest {

    @TempDir
    Path sandbox;

    CliHarness cli;

    @BeforeEach
    void setUp() {
        cli = new CliHarness(sandbox);
        cli.ok("configure", "local");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("encryption", "increment", "local", "app");
    }

    private java.util.List<String> keys() {
        return cli.ok("encryption", "list", "local").outLines();
    }

    @Test
    void yes_deletesEveryVersion() {
        FakeTerminal terminal = FakeTerminal.answering("yes");
        cli.terminal = terminal;
        CliHarness.Result result = cli.ok("encryption", "delete", "local", "app");

        assertThat(terminal.prompts).singleElement().asString().contains("Delete encryption key app (every version)")
                .contains("Type 'yes' to confirm");
        assertThat(result.err()).contains("Deleted encryption key app (2 versions)");
        assertThat(keys()).isEmpty();
    }

    @Test
    void yes_deletesOneVersion() {
        cli.terminal = FakeTerminal.answering("YES");
        cli.ok("encryption", "delete", "local", "app", "1");
        assertThat(cli.ok("encryption", "list", "local", "app").outLines()).containsExactly("0");
    }

    @Test
    void no_keepsTheKey_exit1() {
        for (String answer : new String[] {"no", "", "y"}) {
            cli.terminal = FakeTerminal.answering(answer);
            Map<String, String> before = cli.snapshot();
            CliHarness.Result result = cli.run("encryption", "delete", "local", "app");
            assertThat(result.status()).as(answer).isEqualTo(1);
            assertThat(result.err()).contains("Nothing deleted.");
            assertThat(cli.snapshot()).isEqualTo(before);
        }
        cli.terminal = FakeTerminal.answering();
        assertThat(cli.run("encryption", "delete", "local", "app").status()).as("end of input").isEqualTo(1);
        assertThat(cli.ok("encryption", "list", "local", "app").outLines()).containsExactly("0", "1");
    }

    @Test
    void noTerminal_withoutNoPrompt_refuses_exit2_andKeepsTheKey() {
        Map<String, String> before = cli.snapshot();
        CliHarness.Result result = cli.run("encryption", "delete", "local", "app");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .contains("refusing to delete without confirmation").contains("--no-prompt");
        assertThat(cli.snapshot()).isEqualTo(before);
    }

    @Test
    void noPrompt_deletesWithoutAsking() {
        FakeTerminal terminal = FakeTerminal.answering("no");
        cli.terminal = terminal;
        cli.ok("encryption", "delete", "local", "app", "0", "--no-prompt");
        assertThat(terminal.prompts).isEmpty();
        assertThat(cli.ok("encryption", "list", "local", "app").outLines()).containsExactly("1");

        cli.terminal = FakeTerminal.none();
        cli.ok("encryption", "delete", "local", "app", "--no-prompt");
        assertThat(keys()).isEmpty();
    }

    @Test
    void missingKey_isReportedBeforeAnyPrompt() {
        FakeTerminal terminal = FakeTerminal.answering("yes");
        cli.terminal = terminal;
        assertThat(cli.run("encryption", "delete", "local", "nokey").status()).isEqualTo(1);
        assertThat(cli.run("encryption", "delete", "local", "app", "9").status()).isEqualTo(1);
        assertThat(terminal.prompts).isEmpty();
    }
}
