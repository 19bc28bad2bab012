package dev.messer.error;

/** Failure: a bag, item, key, version, bucket or file that is not there. */
public class NotFoundException extends MesserException {

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    public NotFoundException(String problem, Hint hint) {
        super(problem, hint);
    }

    public NotFoundException(String problem, Hint hint, Throwable cause) {
        super(problem, hint, cause);
    }
}
