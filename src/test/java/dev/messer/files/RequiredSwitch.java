package dev.messer.files;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for a test that needs what the machine may lack (a tool, a tmpfs, a namespace): it
 * is skipped with a loud reason, unless its {@code MESSER_REQUIRE_*} switch is {@code 1} (as
 * {@code .ci/run} sets it), and then it fails, so that a skipped test never passes for a green one.
 */
public final class RequiredSwitch {

    private RequiredSwitch() {
    }

    /**
     * Skips the calling test, or fails it when {@code requireSwitch=1}. Returns only to let callers
     * write {@code throw skipped(...)}; it always throws.
     */
    public static AssertionError skipped(String requireSwitch, String reason) {
        if ("1".equals(System.getenv(requireSwitch))) {
            Assertions.fail(reason + ", and " + requireSwitch + "=1 requires it");
        }
        System.err.println("SKIPPED: " + reason + "; set " + requireSwitch + "=1 to make this a failure");
        Assumptions.abort(reason);
        return new AssertionError("unreachable");
    }
}
