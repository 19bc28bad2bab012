package dev.messer.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What shell completion needs to know, read from the command tree and the JCommander parameters
 * of each leaf: the words of each group, and for each leaf its options, which options take a
 * value (and which values, when the description lists them as {@code a|b|c}), and the words its
 * first positional argument takes ({@code aws|local}).
 */
final class CompletionModel {

    private static final Pattern LITERAL_WORDS = Pattern.compile("[a-z][a-z0-9-]*(?:\\|[a-z][a-z0-9-]*)*");
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
        words.add("--help");
        if (node.parent == null) {
            words.add("--version");
        }
        levels.add(new Level(node.path(), words, List.of(), Map.of(), List.of(), List.of(), List.of(), false,
                Names.NONE));
        node.children().values().forEach(this::walk);
    }

    private static Level leaf(CommandTree.Node node) {
        Command command = node.newCommand();
        JCommander parser = CommandParser.of(command, node.path());
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
        ParameterDescription main = parser.getMainParameterValue();
        List<String> first = main == null ? List.of() : firstListedWords(main.getDescription());
        return new Level(node.path(), List.of(), options, values, files, takingValue, first,
                command instanceof PassThroughCommand, main == null ? Names.NONE : names(main.getDescription()));
    }

    /**
     * Store names from the words after the provider: "BAG/ITEM..." gives references, "BAG [ITEM]" or
     * "[BAG [ITEM]]" a bag and an item, "BAG ITEM_FILE" a bag only.
     */
    private static Names names(String description) {
        List<String> words = List.of(description.replaceAll("[\\[\\]]", "").trim().split("\\s+"));
        if (words.size() < 2) {
            return Names.NONE;
        }
        if (words.get(1).startsWith("BAG/ITEM")) {
            return Names.REFERENCES;
        }
        if (!words.get(1).equals("BAG")) {
            return Names.NONE;
        }
        return words.size() > 2 && words.get(2).equals("ITEM") ? Names.BAG_ITEM : Names.BAG;
    }

    /** The first {@code a|b|c} list in a description. */
    private static List<String> listedWords(String description) {
        Matcher matcher = WORD_LIST.matcher(description);
        return matcher.find() ? List.of(matcher.group().split("\\|")) : List.of();
    }

    /**
     * The literal words a main parameter's description starts with: "aws|local BAG ..." gives aws and
     * local, "aws" gives aws; placeholders are upper case ("SRC_PROVIDER ...") and give nothing.
     */
    private static List<String> firstListedWords(String description) {
        String first = description.trim().split("\\s+")[0];
        return LITERAL_WORDS.matcher(first).matches() ? List.of(first.split("\\|")) : List.of();
    }
}
