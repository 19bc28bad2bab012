package dev.messer.error;

/** Failure: a service that could not be reached or kept failing past retries. */
public class UnavailableException extends MesserException {

    public UnavailableException(String message) {
        super(message);
    }

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
