package dev.messer.output;

import dev.messer.error.InvalidInputException;
import java.util.Map;

/**
 * Unquoted {@code NAME=value} lines for {@code docker run --env-file}, which takes everything after
 * the first {@code =} literally (quotes included) and has no way to continue a value on the next
 * line: a value with a newline or carriage return is refused, naming the field.
 */
final class EnvFileFormatter implements VariableFormatter {

    @Override
    public String render(EnvVariables variables) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> variable : variables.asMap().entrySet()) {
            String value = variable.getValue();
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new InvalidInputException(variables.origin(variable.getKey()) + " (variable " + variable.getKey()
                        + ") holds a line break, which an env-file cannot carry; nothing was printed: use --format "
                        + "export or --format json");
            }
            text.append(variable.getKey()).append('=').append(value).append('\n');
        }
        return text.toString();
    }
}
