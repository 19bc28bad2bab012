package dev.messer.error;

/** Failure: the store or the master key refused the caller. */
public class AccessDeniedException extends MesserException {

    public AccessDeniedException(String message) {
        super(message);
    }

    public AccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }

    public AccessDeniedException(String problem, Hint hint) {
        super(problem, hint);
    }

    public AccessDeniedException(String problem, Hint hint, Throwable cause) {
        super(problem, hint, cause);
    }
}
