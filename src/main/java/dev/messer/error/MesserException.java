package dev.messer.error;

/**
 * Base of the small hierarchy of failures the domain reports. The message is one line meant for
 * the user: what failed, on which bag/item/key, and what to do. It never carries secret material.
 */
public abstract class MesserException extends RuntimeException {

    protected MesserException(String message) {
        super(message);
    }

    protected MesserException(String message, Throwable cause) {
        super(message, cause);
    }
}
