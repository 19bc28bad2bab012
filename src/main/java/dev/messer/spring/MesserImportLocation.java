package dev.messer.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@code messer:BAG/ITEM?profile=NAME&config=FILE&prefix=PREFIX} names: the item, and the
 * options that override the {@code messer.*} properties.
 */
record MesserImportLocation(String bag, String id, Map<String, String> options) {

    static final String PREFIX = "messer:";
    private static final Set<String> OPTIONS = Set.of("profile", "config", "prefix");

    /** @param value the location without {@code optional:} and without {@code messer:} */
    static MesserImportLocation parse(String value) {
        String path = value;
        Map<String, String> options = new LinkedHashMap<>();
        int query = value.indexOf('?');
        if (query >= 0) {
            path = value.substring(0, query);
            for (String pair : value.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (!OPTIONS.contains(key)) {
                    throw new MesserImportException("spring.config.import " + PREFIX + value + " has the option '" + key
                            + "'; the options are profile, config and prefix");
                }
                options.put(key, eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1 || path.indexOf('/', slash + 1) >= 0) {
            throw new MesserImportException("spring.config.import " + PREFIX + value + " does not name an item; write "
                    + PREFIX + "BAG/ITEM, for example " + PREFIX + "payments/db");
        }
        return new MesserImportLocation(path.substring(0, slash), path.substring(slash + 1), Map.copyOf(options));
    }

    /** {@code BAG/ITEM}, for messages. */
    String item() {
        return bag + "/" + id;
    }

    /** Where the fields go: empty, or a prefix ending in a dot. */
    String prefix() {
        String prefix = options.getOrDefault("prefix", "");
        return prefix.isEmpty() || prefix.endsWith(".") ? prefix : prefix + ".";
    }
}
