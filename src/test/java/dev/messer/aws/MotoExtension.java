package dev.messer.aws;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class against the shared {@link MotoServer}. Without {@code moto_server} on the PATH
 * the class is skipped with a loud message, unless {@code MESSER_REQUIRE_AWS_EMULATOR=1}: then it
 * fails. Use it through {@link MotoTest}.
 */
public final class MotoExtension implements ExecutionCondition, BeforeAllCallback {

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (MotoServer.executable().isPresent() || MotoServer.required()) {
            return ConditionEvaluationResult.enabled("moto_server is available or required");
        }
        String message = "moto_server is not on the PATH: the AWS integration tests are SKIPPED. "
                + "Install it (pip install 'moto[server]') or set " + MotoServer.REQUIRE_VARIABLE
                + "=1 to make its absence fail the build.";
        if (WARNED.compareAndSet(false, true)) {
            System.err.println();
            System.err.println("*".repeat(100));
            System.err.println("*** " + message);
            System.err.println("*".repeat(100));
            System.err.println();
        }
        return ConditionEvaluationResult.disabled(message);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        MotoServer.shared();
    }
}
