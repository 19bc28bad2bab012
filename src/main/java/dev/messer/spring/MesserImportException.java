package dev.messer.spring;

/**
 * An import that cannot be read (a store or the master key unavailable, access refused, a bad
 * location): stops start-up, {@code optional:} or not. Its message is one line that names the item,
 * the profile and the fix; {@link MesserFailureAnalyzer} reports it so.
 */
public class MesserImportException extends RuntimeException {

    public MesserImportException(String message) {
        super(message);
    }

    public MesserImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
