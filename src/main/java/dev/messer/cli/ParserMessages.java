package dev.messer.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parser's messages in messer's own words. */
final class ParserMessages {

    private static final Pattern REQUIRED = Pattern.compile("The following options? (?:is|are) required: (.*)");
    private static final Pattern NEEDS_VALUE = Pattern.compile("Expected a value after parameter (\\S+)");
    private static final Pattern CONVERT = Pattern.compile("\"?([^\"]+)\"?: couldn't convert \"(.*)\" to (?:an? )?(\\w+).*",
            Pattern.DOTALL);
    private static final Pattern ONCE = Pattern.compile("Can only specify option (\\S+) once\\.?");
    private static final Pattern NO_MAIN = Pattern.compile("Was passed main parameter '(.*)' but no main parameter.*",
            Pattern.DOTALL);

    private ParserMessages() {
    }

    static String rewrite(String message) {
        String text = message == null ? "" : message.trim();
        Matcher m;
        if ((m = REQUIRED.matcher(text)).matches()) {
            return "missing option " + m.group(1).replace("[", "").replace("]", "");
        }
        if ((m = NEEDS_VALUE.matcher(text)).matches()) {
            return "option " + m.group(1) + " needs a value";
        }
        if ((m = CONVERT.matcher(text)).matches()) {
            String type = m.group(3).toLowerCase(java.util.Locale.ROOT);
            return "option " + m.group(1) + " needs " + (type.contains("int") || type.contains("long") ? "a whole number"
                    : "a " + type) + ", not '" + m.group(2) + "'";
        }
        if ((m = ONCE.matcher(text)).matches()) {
            return "option " + m.group(1) + " is given twice";
        }
        if ((m = NO_MAIN.matcher(text)).matches()) {
            return "unexpected argument '" + m.group(1) + "'";
        }
        String firstLine = text.lines().findFirst().orElse("");
        return "cannot read the command line: " + firstLine;
    }
}
