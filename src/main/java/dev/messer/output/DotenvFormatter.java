package dev.messer.output;

import dev.messer.error.InvalidInputException;
import java.util.Map;

/**
 * {@code NAME='value'} lines in the dotenv dialect of python-dotenv (and the readers that follow it):
 * single quotes, which readers such as Docker Compose take literally, with backslash and single quote
 * escaped by a backslash. Values that some dotenv reader misreads are refused with a pointer to
 * {@code export} or {@code json}, naming the field: a newline or carriage return (line-based readers
 * split the value into more lines, which may set further variables), {@code ${} (python-dotenv expands
 * it even inside single quotes unless called with {@code interpolate=False}), and a trailing backslash
 * (the reader takes the closing quote as escaped).
 */
final class DotenvFormatter implements VariableFormatter {

    @Override
    public String render(EnvVariables variables) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> variable : variables.asMap().entrySet()) {
            String name = variable.getKey();
            String value = variable.getValue();
            String problem = problem(value);
            if (problem != null) {
                throw new InvalidInputException(variables.origin(name) + " (variable " + name + ") " + problem
                        + ", which dotenv readers misread; nothing was printed: use --format export or --format json");
            }
            text.append(name).append("='").append(value.replace("\\", "\\\\").replace("'", "\\'")).append("'\n");
        }
        return text.toString();
    }

    private static String problem(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return "holds a line break";
        }
        if (value.contains("${")) {
            return "holds '${'";
        }
        if (value.endsWith("\\")) {
            return "ends with a backslash";
        }
        return null;
    }
}
