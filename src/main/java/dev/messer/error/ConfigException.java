package dev.messer.error;

/** Failure: configuration that cannot be read or resolved. */
public class ConfigException extends MesserException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConfigException(String problem, Hint hint) {
        super(problem, hint);
    }

    public ConfigException(String problem, Hint hint, Throwable cause) {
        super(problem, hint, cause);
    }
}
