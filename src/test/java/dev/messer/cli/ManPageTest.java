package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The man page of the release bundle, written from the command tree. */
class ManPageTest {

    private final CommandTree tree = CommandTree.standard();
    private final String page = ManPage.render(tree, "9.9.9");

    @Test
    void everyLeafCommand_hasItsSectionWithItsSummary() {
        List<CommandTree.Node> leaves = new ArrayList<>();
        collect(tree.root(), leaves);
        assertThat(leaves).hasSizeGreaterThan(15);
        for (CommandTree.Node leaf : leaves) {
            assertThat(page).contains(".SS " + ManPage.escape(leaf.path()) + "\n" + ManPage.escape(leaf.summary()) + "\n");
        }
    }

    @Test
    void optionsOfALeaf_areThoseOfItsHelp() {
        assertThat(page).contains("\\-\\-decrypt").contains("\\-\\-parallel").contains("\\-\\-secret\\-file");
    }

    @Test
    void header_namesTheVersion_andTheLauncherInstallCommand() {
        assertThat(page).startsWith(".TH MESSER 1 \"\" \"messer 9.9.9\"");
        assertThat(page).contains(".B messer install\n");
    }

    @Test
    void noTextLine_startsWithARoffControlCharacter() {
        boolean inText = false;
        for (String line : page.split("\n")) {
            if (line.equals(".nf")) {
                inText = true;
            } else if (line.equals(".fi")) {
                inText = false;
            } else if (inText) {
                assertThat(line).doesNotStartWith(".").doesNotStartWith("'");
            }
        }
    }

    @Test
    void escape_doublesBackslashes_andEscapesHyphens() {
        assertThat(ManPage.escape("a\\b --x")).isEqualTo("a\\eb \\-\\-x");
    }

    private static void collect(CommandTree.Node node, List<CommandTree.Node> leaves) {
        for (CommandTree.Node child : node.children().values()) {
            if (child.isLeaf()) {
                leaves.add(child);
            } else {
                collect(child, leaves);
            }
        }
    }
}
