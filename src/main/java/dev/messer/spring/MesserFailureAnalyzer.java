package dev.messer.spring;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Reports a failed messer import as one line: the item, the profile, what failed and the fix (the
 * exception's message), ahead of Spring Boot's generic report for a missing config-data resource.
 */
public final class MesserFailureAnalyzer implements FailureAnalyzer, Ordered {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MesserImportException) {
                return new FailureAnalysis(cause.getMessage(), "See docs/jvm.md of messer, \"When an import fails\".",
                        cause);
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
