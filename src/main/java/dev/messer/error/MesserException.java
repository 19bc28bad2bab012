package dev.messer.error;

import java.util.function.Function;

/**
 * Base of the small hierarchy of failures the domain reports. The message is one line meant for
 * the user: what failed, on which bag/item/key, and what to do. It never carries secret material.
 * What to do may be a typed {@link Hint}, whose command lines the command line renders with the
 * provider word, {@code --profile} and {@code -c} the user typed.
 */
public abstract class MesserException extends RuntimeException {

    private final String problem;
    private final Hint hint;
    private volatile Function<Hint.Run, String> commandLines = Hint.Run::toString;

    protected MesserException(String message) {
        this(message, Hint.NONE, null);
    }

    protected MesserException(String message, Throwable cause) {
        this(message, Hint.NONE, cause);
    }

    /** @param hint what to do, with its command lines typed (the command line renders them for the user) */
    protected MesserException(String problem, Hint hint) {
        this(problem, hint, null);
    }

    protected MesserException(String problem, Hint hint, Throwable cause) {
        super(hint.after(problem, Hint.Run::toString), cause);
        this.problem = problem;
        this.hint = hint;
    }

    /**
     * The problem and the advice, each command line written by {@link #withCommandLines} (by default
     * with {@code <provider>} where the provider word goes).
     */
    @Override
    public String getMessage() {
        return hint.isEmpty() ? super.getMessage() : hint.after(problem, commandLines);
    }

    /**
     * From now on, {@link #getMessage()} writes the advice's command lines with {@code commandLine}:
     * a face that knows the provider, profile and file (the library's client) renders them for them
     * before the failure leaves it.
     *
     * @return this failure, to be thrown again
     */
    public MesserException withCommandLines(Function<Hint.Run, String> commandLine) {
        this.commandLines = java.util.Objects.requireNonNull(commandLine);
        return this;
    }

    /** What failed, without the advice. */
    public String problem() {
        return problem;
    }

    /** What to do, or {@link Hint#NONE}. */
    public Hint hint() {
        return hint;
    }
}
