package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/cli.md is the full reference: every command of the command tree has a section headed with
 * its words, and that section names every option the command has beyond the common ones.
 */
class CliReferenceDocTest {

    private static final Set<String> COMMON = Set.of("--config", "--profile", "--silent", "--debug", "--help");

    @Test
    void everyCommand_hasASection_thatNamesEachOfItsOptions() throws IOException {
        Map<String, String> sections = sections(Files.readString(Path.of("docs/cli.md")));
        List<String> missing = new ArrayList<>();
        for (CommandTree.Node leaf : leaves(CommandTree.standard().root())) {
            String words = leaf.path().substring("messer ".length());
            String section = sections.get(words);
            if (section == null) {
                missing.add("no section '## " + words + "'");
                continue;
            }
            Command command = leaf.newCommand();
            JCommander parser = command.grammar().parser(command, leaf.path());
            for (ParameterDescription option : parser.getParameters()) {
                String longest = longestName(option);
                if (!COMMON.contains(longest) && !section.contains(longest)) {
                    missing.add("'## " + words + "' does not mention " + longest);
                }
            }
        }
        assertThat(missing).as("docs/cli.md").isEmpty();
    }

    @Test
    void theReferenceIsLinkedFromTheReadme() throws IOException {
        assertThat(Files.readString(Path.of("README.md"))).contains("(docs/cli.md)");
    }

    private static String longestName(ParameterDescription option) {
        String longest = "";
        for (String name : option.getParameter().names()) {
            if (name.length() > longest.length()) {
                longest = name;
            }
        }
        return longest;
    }

    private static Map<String, String> sections(String markdown) {
        Map<String, String> sections = new LinkedHashMap<>();
        String heading = null;
        StringBuilder body = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("## ")) {
                if (heading != null) {
                    sections.put(heading, body.toString());
                }
                heading = line.substring(3).trim();
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        if (heading != null) {
            sections.put(heading, body.toString());
        }
        return sections;
    }

    private static List<CommandTree.Node> leaves(CommandTree.Node node) {
        List<CommandTree.Node> leaves = new ArrayList<>();
        if (node.isLeaf()) {
            leaves.add(node);
        }
        for (CommandTree.Node child : node.children().values()) {
            leaves.addAll(leaves(child));
        }
        return leaves;
    }
}
