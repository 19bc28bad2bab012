package dev.messer.error;

/** Failure: input that is not what the tool accepts: item files, names, stored objects. */
public class InvalidInputException extends MesserException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
