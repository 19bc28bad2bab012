package dev.messer.cli;

/**
 * The CONFIG word of Messer's bulk grammar: the configuration file the command reads, which takes
 * the place of {@code -c}.
 */
final class BulkConfigArgument {

    private BulkConfigArgument() {
    }

    /** Options for a command reading {@code config} with {@code profile} (null: the usual selection). */
    static CommonOptions options(CommonOptions common, String config, String profile) {
        if (common.config != null && !common.config.equals(config)) {
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
