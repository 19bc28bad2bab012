package dev.messer.error;

/** A failure told again with what the caller knows besides: the same kind, the original as its cause. */
public final class Reworded {

    private Reworded() {
    }

    /** @return a failure of the same kind as {@code e} with {@code message} */
    public static MesserException as(MesserException e, String message) {
        if (e instanceof ConfigException) {
            return new ConfigException(message, e);
        }
        if (e instanceof AccessDeniedException) {
            return new AccessDeniedException(message, e);
        }
        if (e instanceof AlreadyExistsException) {
            return new AlreadyExistsException(message, e);
        }
        if (e instanceof ConflictException) {
            return new ConflictException(message, e);
        }
        if (e instanceof IntegrityException) {
            return new IntegrityException(message, e);
        }
        if (e instanceof InvalidInputException) {
            return new InvalidInputException(message, e);
        }
        if (e instanceof NotFoundException) {
            return new NotFoundException(message, e);
        }
        if (e instanceof ThrottledException) {
            return new ThrottledException(message, e);
        }
        return new UnavailableException(message, e);
    }
}
