package dev.messer.error;

/**
 * Failure: the service kept throttling the call past its retries. Worth trying again a little
 * later, which bulk runs do before they report the item as failed.
 */
public class ThrottledException extends UnavailableException {

    public ThrottledException(String message, Throwable cause) {
        super(message, cause);
    }

    public ThrottledException(String problem, Hint hint, Throwable cause) {
        super(problem, hint, cause);
    }
}
