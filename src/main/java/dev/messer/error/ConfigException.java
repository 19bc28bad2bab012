package dev.messer.error;

/** Failure: configuration that cannot be read or resolved. */
public class ConfigException extends MesserException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
