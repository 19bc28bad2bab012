package dev.messer.output;

import dev.messer.error.InvalidInputException;
import java.util.Map;

/**
 * {@code NAME='value'} lines in the dotenv dialect of python-dotenv (and the readers that follow it):
 * single quotes, which readers such as Docker Compose take literally, with backslash and single quote
 * escaped by a backslash and newlines kept inside the quotes. (python-dotenv expands {@code ${NAME}}
 * even in single quotes unless it is called with {@code interpolate=False}.) A value with a carriage return (which readers turn
 * into a newline when they read the file as text) is written in double quotes with {@code \r}
 * escapes instead. Two kinds of value cannot be read back by python-dotenv in any quoting and are
 * refused with a pointer to {@code export}: one that ends with a backslash (the reader takes the
 * closing quote as escaped), and one with both a carriage return and {@code ${}.
 */
final class DotenvFormatter implements ItemFormatter {

    @Override
    public String render(DecryptedItem item) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> variable : EnvVariables.of(item).asMap().entrySet()) {
            text.append(variable.getKey()).append('=').append(quote(variable.getKey(), variable.getValue(), item))
                    .append('\n');
        }
        return text.toString();
    }

    private static String quote(String name, String value, DecryptedItem item) {
        if (value.endsWith("\\")) {
            throw new InvalidInputException("the value of " + name + " in item " + item.name()
                    + " ends with a backslash, which dotenv readers cannot give back; use --format export or properties");
        }
        if (value.indexOf('\r') < 0) {
            return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value.contains("${")) {
            throw new InvalidInputException("the value of " + name + " in item " + item.name()
                    + " holds both a carriage return and '${', which no dotenv reader gives back; use --format export");
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
