package dev.messer.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterDescription;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses words that look like options but are none of the command's: JCommander would hand them
 * to the command as positional words ({@code show local --nope} would look for a bag "--nope").
 * After {@code --} every word is positional, so a name that starts with {@code -} can still be
 * given; {@code -} alone means standard input.
 */
final class UnknownOptions {

    private UnknownOptions() {
    }

    /** @throws UsageException naming the first unknown option */
    static void check(JCommander parser, List<String> args, String command) {
        Map<String, Boolean> takesValue = new HashMap<>();
        for (ParameterDescription option : parser.getParameters()) {
            Class<?> type = option.getParameterized().getType();
            boolean flag = (type == boolean.class || type == Boolean.class) && option.getParameter().arity() <= 0;
            for (String name : option.getParameter().names()) {
                takesValue.put(name, !flag);
            }
        }
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (word.equals("--")) {
                return;
            }
            Boolean value = takesValue.get(word);
            if (value != null) {
                i += value ? 1 : 0;
            } else if (word.startsWith("-") && !word.equals("-")) {
                throw new UsageException("unknown option '" + word + "' for '" + command + "'");
            }
        }
    }
}
