package dev.messer.error;

/** A failure told again with what the caller knows besides: the same kind, the original as its cause. */
public final class Reworded {

    private Reworded() {
    }

    /** @return a failure of the same kind as {@code e} with {@code problem} and e's hint */
    public static MesserException as(MesserException e, String problem) {
        Hint hint = e.hint();
        if (e instanceof ConfigException) {
            return new ConfigException(problem, hint, e);
        }
        if (e instanceof AccessDeniedException) {
            return new AccessDeniedException(problem, hint, e);
        }
        if (e instanceof AlreadyExistsException) {
            return new AlreadyExistsException(problem, hint, e);
        }
        if (e instanceof ConflictException) {
            return new ConflictException(problem, hint, e);
        }
        if (e instanceof IntegrityException) {
            return new IntegrityException(problem, hint, e);
        }
        if (e instanceof InvalidInputException) {
            return new InvalidInputException(problem, hint, e);
        }
        if (e instanceof NotFoundException) {
            return new NotFoundException(problem, hint, e);
        }
        if (e instanceof ThrottledException) {
            return new ThrottledException(problem, hint, e);
        }
        return new UnavailableException(problem, hint, e);
    }
}
