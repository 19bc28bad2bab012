package dev.messer.aws;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Stands in for the cause of a credential provider's failure, so that {@code --debug} shows where it
 * failed but not what it read: each exception of the chain keeps its class name and stack trace,
 * never its message. Those messages may quote what a {@code credential_process} printed (the JSON
 * parser names the token it could not read, a secret access key among them) or a response that
 * holds credentials.
 */
final class RedactedCause extends Exception {

    private static final int MAX_DEPTH = 16;

    private RedactedCause(String className, StackTraceElement[] trace, RedactedCause cause) {
        super(className + " (message withheld, as it may quote credentials)", cause, false, true);
        setStackTrace(trace);
    }

    /** The chain of {@code original} with every message withheld; null for null. */
    static RedactedCause of(Throwable original) {
        return of(original, new IdentityHashMap<>(), 0);
    }

    private static RedactedCause of(Throwable original, Map<Throwable, Boolean> seen, int depth) {
        if (original == null || depth >= MAX_DEPTH || seen.put(original, Boolean.TRUE) != null) {
            return null;
        }
        return new RedactedCause(original.getClass().getName(), original.getStackTrace(),
                of(original.getCause(), seen, depth + 1));
    }
}
