package dev.messer.error;

/**
 * Failure: the write took effect, but before the command could confirm it another writer changed
 * or deleted the object. Unlike a {@link ConflictException}, something was written: the store's
 * history keeps it as {@link #version()}.
 */
public class WrittenThenChangedException extends MesserException {

    private final String version;

    /** @param version the store's id of the version this write made */
    public WrittenThenChangedException(String message, String version, Throwable cause) {
        super(message, cause);
        this.version = version;
    }

    /** The store's id of the version this write made. */
    public String version() {
        return version;
    }
}
