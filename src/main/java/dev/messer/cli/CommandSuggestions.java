package dev.messer.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** "did you mean" for a mistyped command word: a word of this level first, else any command of the tree. */
final class CommandSuggestions {

    private CommandSuggestions() {
    }

    static String hint(CommandTree tree, CommandTree.Node level, String typed) {
        var near = Suggestions.closest(typed, level.children().keySet());
        if (near.isPresent()) {
            return "; did you mean '" + level.path() + " " + near.get() + "'?";
        }
        Map<String, String> lastWordToPath = new LinkedHashMap<>();
        collect(tree.root(), lastWordToPath);
        return Suggestions.closest(typed, lastWordToPath.keySet())
                .map(word -> "; did you mean '" + lastWordToPath.get(word) + "'?").orElse("");
    }

    private static void collect(CommandTree.Node node, Map<String, String> out) {
        List<CommandTree.Node> children = new ArrayList<>(node.children().values());
        for (CommandTree.Node child : children) {
            out.putIfAbsent(child.word(), child.path());
            collect(child, out);
        }
    }
}
