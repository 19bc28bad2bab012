package dev.messer.error;

/** Failure: something that exists already and must not be overwritten. */
public class AlreadyExistsException extends MesserException {

    public AlreadyExistsException(String message) {
        super(message);
    }

    public AlreadyExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
