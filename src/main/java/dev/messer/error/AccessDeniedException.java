package dev.messer.error;

/** Failure: the store or the master key refused the caller. */
public class AccessDeniedException extends MesserException {

    public AccessDeniedException(String message) {
        super(message);
    }

    public AccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
