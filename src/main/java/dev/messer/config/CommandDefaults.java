package dev.messer.config;

import java.util.Map;

/** Defaults a kind of command takes in place of the built-in ones, where nothing set a value. */
public enum CommandDefaults {
    /** The built-in defaults. */
    STANDARD(Map.of()),
    /**
     * Bulk runs: adaptive AWS retries, so that throttling slows the run down instead of failing
     * items, with more attempts than a single command makes.
     */
    BULK(Map.of(Setting.RETRY_MODE, "adaptive", Setting.MAX_ATTEMPTS, "10")),
    /** A JVM service that reads through the library: one AWS call, retries included, waits at most 15 s. */
    SERVICE(Map.of(Setting.API_CALL_TIMEOUT, "15"));

    private final Map<Setting, String> values;

    CommandDefaults(Map<Setting, String> values) {
        this.values = values;
    }

    Map<Setting, String> settings() {
        return values;
    }
}
