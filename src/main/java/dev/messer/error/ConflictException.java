package dev.messer.error;

/** Failure: an object changed between read and write (conditional write lost). */
public class ConflictException extends MesserException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConflictException(String problem, Hint hint) {
        super(problem, hint);
    }

    public ConflictException(String problem, Hint hint, Throwable cause) {
        super(problem, hint, cause);
    }
}
