package dev.messer.error;

/** Failure: input that is not what the tool accepts: item files, names, stored objects. */
public class InvalidInputException extends MesserException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidInputException(String problem, Hint hint) {
        super(problem, hint);
    }

    public InvalidInputException(String problem, Hint hint, Throwable cause) {
        super(problem, hint, cause);
    }
}
