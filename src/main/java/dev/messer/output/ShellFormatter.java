package dev.messer.output;

import java.util.Map;

/**
 * {@code NAME='value'} lines for a POSIX shell: {@code env} format (for {@code set -a; . FILE}) and,
 * with {@code export } before each line, {@code export} format (for {@code eval "$(...)"}).
 */
final class ShellFormatter implements ItemFormatter {

    private final String prefix;

    ShellFormatter(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String render(DecryptedItem item) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> variable : EnvVariables.of(item).asMap().entrySet()) {
            text.append(prefix).append(variable.getKey()).append('=').append(ShellQuote.quote(variable.getValue()))
                    .append('\n');
        }
        return text.toString();
    }
}
