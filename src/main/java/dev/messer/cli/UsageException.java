package dev.messer.cli;

/** A command line that does not follow the grammar; exit status 2. */
public final class UsageException extends RuntimeException {

    private final boolean showsUsage;

    public UsageException(String message) {
        this(message, false);
    }

    private UsageException(String message, boolean showsUsage) {
        super(message);
        this.showsUsage = showsUsage;
    }

    /** A usage error that the command line completes with the command's usage line ({@code ...; usage: messer ...}). */
    public static UsageException withUsage(String problem) {
        return new UsageException(problem, true);
    }

    public boolean showsUsage() {
        return showsUsage;
    }
}
