package dev.messer.cli.completion;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterDescription;
import dev.messer.cli.Command;
import dev.messer.cli.CommandTree;
import dev.messer.cli.Grammar;
import dev.messer.cli.Positional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What shell completion needs to know, read from the command tree and the JCommander parameters
 * of each leaf: the words of each group, and for each leaf its options, which options take a
 * value (and which values, when the description lists them as {@code a|b|c}), and from its
 * {@link Grammar} the words its first positional argument takes ({@code aws|local}) and which
 * positionals name bags and items.
 */
final class CompletionModel {

    private static final Pattern FILE_WORD = Pattern.compile("(?i)\\bfile\\b");
    private static final Pattern WORD_LIST = Pattern.compile("\\b[a-z][a-z0-9-]*(?:\\|[a-z][a-z0-9-]*)+\\b");

    /** A group (words) or a leaf (options) at a path such as "messer data bag". */
    record Level(String path, List<String> words, List<String> options, Map<String, List<String>> optionValues,
                 List<String> fileOptions, List<String> valueOptions, List<String> firstPositional,
                 boolean passThrough, Names names) {
    }

    /** Which positionals name things in the store: a bag, then an item, or {@code BAG/ITEM} references. */
    enum Names {
        NONE, BAG, BAG_ITEM, REFERENCES
    }

    private final List<Level> levels = new ArrayList<>();

    static CompletionModel of(CommandTree tree) {
        CompletionModel model = new CompletionModel();
        model.walk(tree.root());
        return model;
    }

    List<Level> levels() {
        return levels;
    }

    private void walk(CommandTree.Node node) {
        if (node.isLeaf()) {
            levels.add(leaf(node));
            return;
        }
        List<String> words = new ArrayList<>(node.children().keySet());
        if (node.isRoot()) {
            for (CommandTree.LauncherCommand command : CommandTree.LAUNCHER_COMMANDS) {
                words.add(command.word());
                List<String> options = new ArrayList<>(command.folderOptions());
                options.addAll(command.flags());
                levels.add(new Level(node.path() + " " + command.word(), List.of(), options, Map.of(),
                        command.folderOptions(), command.folderOptions(), List.of(), false, Names.NONE));
            }
        }
        words.add("--help");
        if (node.isRoot()) {
            words.add("--version");
        }
        levels.add(new Level(node.path(), words, List.of(), Map.of(), List.of(), List.of(), List.of(), false,
                Names.NONE));
        node.children().values().forEach(this::walk);
    }

    private static Level leaf(CommandTree.Node node) {
        Command command = node.newCommand();
        Grammar grammar = command.grammar();
        JCommander parser = grammar.parser(command, node.path());
        parser.createDescriptions();
        List<String> options = new ArrayList<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        List<String> takingValue = new ArrayList<>();
        for (ParameterDescription parameter : parser.getParameters()) {
            if (parameter.getParameter().hidden()) {
                continue;
            }
            boolean takesValue = parameter.getParameterized().getType() != boolean.class
                    && parameter.getParameterized().getType() != Boolean.class;
            for (String name : parameter.getParameter().names()) {
                options.add(name);
                if (!takesValue) {
                    continue;
                }
                takingValue.add(name);
                List<String> listed = listedWords(parameter.getDescription());
                if (!listed.isEmpty()) {
                    values.put(name, listed);
                } else if (FILE_WORD.matcher(parameter.getDescription()).find()) {
                    files.add(name);
                }
            }
        }
        List<Positional> positionals = grammar.positionals();
        List<String> first = positionals.isEmpty() ? List.of() : positionals.get(0).offers();
        return new Level(node.path(), List.of(), options, values, files, takingValue, first, grammar.passesThrough(),
                names(positionals));
    }

    /**
     * Store names from the words after the provider: references, a bag and an item, or a bag only
     * (when the word after the bag is not an item, such as an item file).
     */
    private static Names names(List<Positional> positionals) {
        Positional.Kind second = positionals.size() > 1 ? positionals.get(1).kind() : Positional.Kind.OTHER;
        Positional.Kind third = positionals.size() > 2 ? positionals.get(2).kind() : Positional.Kind.OTHER;
        return switch (second) {
            case REFERENCES -> Names.REFERENCES;
            case BAG -> third == Positional.Kind.ITEM ? Names.BAG_ITEM : Names.BAG;
            default -> Names.NONE;
        };
    }

    /** The first {@code a|b|c} list in a description. */
    private static List<String> listedWords(String description) {
        Matcher matcher = WORD_LIST.matcher(description);
        return matcher.find() ? List.of(matcher.group().split("\\|")) : List.of();
    }
}
