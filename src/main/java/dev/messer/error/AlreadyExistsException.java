package dev.messer.error;

/** Failure: something that exists already and must not be overwritten. */
public class AlreadyExistsException extends MesserException {

    public AlreadyExistsException(String message) {
        super(message);
    }

    public AlreadyExistsException(String message, Throwable cause) {
        super(message, cause);
    }

    public AlreadyExistsException(String problem, Hint hint) {
        super(problem, hint);
    }

    public AlreadyExistsException(String problem, Hint hint, Throwable cause) {
        super(problem, hint, cause);
    }
}
