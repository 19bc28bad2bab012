package dev.messer.cli;

/** A command line that does not follow the grammar; exit status 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
