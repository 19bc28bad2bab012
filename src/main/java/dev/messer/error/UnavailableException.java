package dev.messer.error;

/** Failure: a service that could not be reached or kept failing past retries. */
public class UnavailableException extends MesserException {

    public UnavailableException(String message) {
        super(message);
    }

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnavailableException(String problem, Hint hint) {
        super(problem, hint);
    }

    public UnavailableException(String problem, Hint hint, Throwable cause) {
        super(problem, hint, cause);
    }
}
