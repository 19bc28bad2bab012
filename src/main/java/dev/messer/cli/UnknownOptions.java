package dev.messer.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterDescription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options of a command as the user may type them. Splits {@code --opt=value} into two words,
 * and refuses words that look like options but are none of the command's, with "did you mean":
 * JCommander would hand them to the command as positional words ({@code show local --nope} would
 * look for a bag "--nope"). After {@code --} every word is positional, so a name that starts with
 * {@code -} can still be given; {@code -} alone means standard input.
 */
final class UnknownOptions {

    private final Map<String, Boolean> takesValue = new HashMap<>();
    private final String command;

    private UnknownOptions(JCommander parser, String command) {
        this.command = command;
        for (ParameterDescription option : parser.getParameters()) {
            Class<?> type = option.getParameterized().getType();
            boolean flag = (type == boolean.class || type == Boolean.class) && option.getParameter().arity() <= 0;
            for (String name : option.getParameter().names()) {
                takesValue.put(name, !flag);
            }
        }
    }

    /**
     * @param parser the command's parser, after {@code createDescriptions()} and before it parses:
     *               its parse reuses the same descriptions, so the command is reflected on once
     */
    static UnknownOptions of(JCommander parser, String command) {
        return new UnknownOptions(parser, command);
    }

    /**
     * The words with {@code --opt=value} split (and {@code --flag=true|false} turned into the flag or
     * nothing).
     *
     * @throws UsageException naming the first unknown option, with the closest known one
     */
    List<String> normalise(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (word.equals("--")) {
                out.addAll(args.subList(i, args.size()));
                return out;
            }
            int eq = word.indexOf('=');
            if (word.startsWith("-") && eq > 0 && !takesValue.containsKey(word)) {
                String name = word.substring(0, eq);
                String value = word.substring(eq + 1);
                Boolean valued = takesValue.get(name);
                if (valued == null) {
                    throw unknown(name);
                }
                if (valued) {
                    out.add(name);
                    out.add(value);
                } else if (value.toLowerCase(Locale.ROOT).matches("true|yes|1")) {
                    out.add(name);
                } else if (!value.toLowerCase(Locale.ROOT).matches("false|no|0")) {
                    throw new UsageException("option " + name + " takes no value (got '" + value + "')");
                }
                continue;
            }
            Boolean valued = takesValue.get(word);
            if (valued != null) {
                out.add(word);
                if (valued && i + 1 < args.size()) {
                    out.add(args.get(++i));
                }
            } else if (word.startsWith("-") && !word.equals("-")) {
                throw unknown(word);
            } else {
                out.add(word);
            }
        }
        return out;
    }

    private UsageException unknown(String word) {
        return new UsageException("unknown option '" + word + "' for '" + command + "'"
                + Suggestions.hint(word, takesValue.keySet()));
    }
}
