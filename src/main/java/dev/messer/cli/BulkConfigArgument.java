package dev.messer.cli;

/**
 * The CONFIG word of Messer's bulk grammar: the configuration file the command reads, which takes
 * the place of {@code -c}. {@code bulk list}, {@code re-encrypt} and {@code rotate-keys} may leave it
 * out: then the configuration in use ({@code -c}, {@code MESSER_CONFIG} or the default file) is read.
 */
final class BulkConfigArgument {

    private BulkConfigArgument() {
    }

    /** The CONFIG word of {@code PROVIDER [CONFIG]}, or null for the configuration in use. */
    static String optional(java.util.List<String> words) {
        return words.size() > 1 ? words.get(1) : null;
    }

    /**
     * Options for a command reading {@code config} with {@code profile} (null: the usual selection).
     * A null {@code config} keeps the configuration in use.
     */
    static CommonOptions options(CommonOptions common, String config, String profile) {
        if (config == null) {
            config = common.config;
        } else if (common.config != null && !common.config.equals(config)) {
            throw new UsageException("the bulk commands take the configuration file as the CONFIG argument; "
                    + "drop -c " + common.config);
        }
        CommonOptions options = new CommonOptions();
        options.config = config;
        options.profile = profile != null ? profile : common.profile;
        options.silent = common.silent;
        options.debug = common.debug;
        return options;
    }

    /** "local messer.ini" or "aws prod.ini (profile eu)", for messages. */
    static String label(String provider, String config, String profile) {
        return provider + " " + config + (profile == null ? "" : " (profile " + profile + ")");
    }
}
