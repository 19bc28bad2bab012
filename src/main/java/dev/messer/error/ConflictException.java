package dev.messer.error;

/** Failure: an object changed between read and write (conditional write lost). */
public class ConflictException extends MesserException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
