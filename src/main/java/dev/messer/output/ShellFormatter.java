package dev.messer.output;

import java.util.Map;

/**
 * {@code NAME='value'} lines for a POSIX shell: {@code env} format (for {@code set -a; . FILE}) and,
 * with {@code export } before each line, {@code export} format (for {@code eval "$(...)"}).
 */
final class ShellFormatter implements VariableFormatter {

    private final String keyword;

    ShellFormatter(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String render(EnvVariables variables) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> variable : variables.asMap().entrySet()) {
            text.append(keyword).append(variable.getKey()).append('=').append(ShellQuote.quote(variable.getValue()))
                    .append('\n');
        }
        return text.toString();
    }
}
