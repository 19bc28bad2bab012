package dev.messer.error;

/** Failure: a ciphertext, envelope or wrapped key that failed authentication or does not belong where it was found. */
public class IntegrityException extends MesserException {

    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }

    public IntegrityException(String problem, Hint hint) {
        super(problem, hint);
    }

    public IntegrityException(String problem, Hint hint, Throwable cause) {
        super(problem, hint, cause);
    }
}
