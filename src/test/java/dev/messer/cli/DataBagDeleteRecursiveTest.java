package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data bag delete BAG --recursive}: asks on a terminal, needs --no-prompt without one, names what goes. */
class DataBagDeleteRecursiveTest {

    @TempDir
    Path home;

    CliSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(home).withBag().upload("{\"id\":\"db\",\"p\":\"1\"}")
                .upload("{\"id\":\"api\",\"p\":\"2\"}");
    }

    private CliRun delete(Terminal terminal, String... extra) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("data", "bag", "delete", "local", "app"),
                java.util.stream.Stream.of(extra)).toArray(String[]::new);
        return CliRun.run(sandbox.env, new byte[0], terminal, args);
    }

    private boolean bagExists() {
        return sandbox.run("data", "bag", "show", "local").out().lines().anyMatch("app"::equals);
    }

    @Test
    void onATerminal_asksNamingEveryItem_andYesDeletesBagAndItems() {
        FakeTerminal terminal = FakeTerminal.answering("yes");
        CliRun result = delete(terminal, "--recursive");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(terminal.prompts).singleElement().asString()
                .contains("Delete data bag app and its 2 item(s): api, db?");
        assertThat(result.err()).contains("Deleted data bag app and its 2 item(s): api, db");
        assertThat(bagExists()).isFalse();
        assertThat(sandbox.run("data", "bag", "history", "local", "app", "db").exit())
                .as("the items' history stays, as for a single delete").isZero();
    }

    @Test
    void onATerminal_anythingButYes_deletesNothing() {
        CliRun result = delete(FakeTerminal.answering("no"), "--recursive");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("Nothing deleted");
        assertThat(sandbox.run("data", "bag", "show", "local", "app").out().lines()).containsExactly("api", "db");
    }

    @Test
    void withoutATerminal_refusesUnlessNoPrompt() {
        CliRun refused = delete(FakeTerminal.none(), "--recursive");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("no terminal to ask on").contains("--no-prompt").hasLineCount(1);
        assertThat(bagExists()).isTrue();

        CliRun deleted = delete(FakeTerminal.none(), "--recursive", "--no-prompt");
        assertThat(deleted.exit()).as(deleted.toString()).isZero();
        assertThat(deleted.err()).contains("Deleted data bag app and its 2 item(s): api, db");
        assertThat(bagExists()).isFalse();
    }

    @Test
    void withoutRecursive_aBagWithItemsStaysRefused_andMisuseIsAUsageError() {
        CliRun plain = delete(FakeTerminal.none());
        assertThat(plain.exit()).isEqualTo(1);
        assertThat(plain.err()).contains("is not empty");
        assertThat(delete(FakeTerminal.none(), "db", "--recursive").exit()).isEqualTo(2);
        assertThat(delete(FakeTerminal.none(), "--no-prompt").exit()).isEqualTo(2);
        assertThat(bagExists()).isTrue();
    }
}
