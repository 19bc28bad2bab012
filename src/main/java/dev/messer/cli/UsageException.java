package dev.messer.cli;

import dev.messer.error.Hint;

/** A command line that does not follow the grammar; exit status 2. */
public final class UsageException extends RuntimeException {

    private final String problem;
    private final Hint hint;
    private final boolean showsUsage;

    public UsageException(String message) {
        this(message, Hint.NONE, false);
    }

    /** @param hint what to do, with its command lines typed (see {@link Hints}) */
    public UsageException(String problem, Hint hint) {
        this(problem, hint, false);
    }

    private UsageException(String problem, Hint hint, boolean showsUsage) {
        super(hint.after(problem, Hint.Run::toString));
        this.problem = problem;
        this.hint = hint;
        this.showsUsage = showsUsage;
    }

    /** A usage error that the command line completes with the command's usage line ({@code ...; usage: messer ...}). */
    public static UsageException withUsage(String problem) {
        return new UsageException(problem, Hint.NONE, true);
    }

    /** What is wrong, without the advice. */
    public String problem() {
        return problem;
    }

    public Hint hint() {
        return hint;
    }

    public boolean showsUsage() {
        return showsUsage;
    }
}
