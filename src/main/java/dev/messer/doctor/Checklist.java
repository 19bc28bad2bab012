package dev.messer.doctor;

import dev.messer.error.Hint;
import dev.messer.error.MesserException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs checks in order and keeps their outcomes. A check that needs another one is skipped when
 * that one did not pass; a check that throws fails, with the exception's typed hint as its fix
 * (else the part of its message after "; "), unless the step gives its own fix.
 */
public final class Checklist {

    /** One check: returns what it found, or throws. */
    @FunctionalInterface
    public interface Step {
        String run() throws Exception;
    }

    /** Thrown by a step to fail with a specific fix. */
    public static final class Failure extends RuntimeException {
        private final Hint fix;

        public Failure(String problem, Hint fix) {
            super(problem);
            this.fix = fix;
        }

        public Hint fix() {
            return fix;
        }
    }

    /** Thrown by a step that passes, but with something to look at (it does not fail the run). */
    public static final class Warning extends RuntimeException {
        private final Hint fix;

        public Warning(String detail, Hint fix) {
            super(detail);
            this.fix = fix;
        }

        public Hint fix() {
            return fix;
        }
    }

    /** Thrown by a step that passes with something worth knowing, which is neither a problem nor a warning. */
    public static final class Info extends RuntimeException {
        private final Hint hint;

        public Info(String detail, Hint hint) {
            super(detail);
            this.hint = hint;
        }

        public Hint hint() {
            return hint;
        }
    }

    /** Thrown by a step that passes, with a hint of what may be done next ("no data keys yet": how to create one). */
    public static final class Passed extends RuntimeException {
        private final Hint hint;

        public Passed(String detail, Hint hint) {
            super(detail);
            this.hint = hint;
        }

        public Hint hint() {
            return hint;
        }
    }

    private final List<Check> checks = new ArrayList<>();
    private final Set<String> passed = new HashSet<>();

    /** Runs {@code step} unless one of {@code needs} did not pass. @return whether it passed */
    public boolean check(String name, Step step, String... needs) {
        for (String need : needs) {
            if (!passed.contains(need)) {
                checks.add(new Check(name, Check.Status.SKIP, "needs: " + need, Hint.NONE));
                return false;
            }
        }
        try {
            String detail = step.run();
            checks.add(new Check(name, Check.Status.PASS, detail, Hint.NONE));
            passed.add(name);
            return true;
        } catch (Passed e) {
            checks.add(new Check(name, Check.Status.PASS, e.getMessage(), e.hint()));
            passed.add(name);
            return true;
        } catch (Info e) {
            checks.add(new Check(name, Check.Status.INFO, e.getMessage(), e.hint()));
            passed.add(name);
            return true;
        } catch (Warning e) {
            checks.add(new Check(name, Check.Status.WARN, e.getMessage(), e.fix()));
            passed.add(name);
            return true;
        } catch (Failure e) {
            checks.add(new Check(name, Check.Status.FAIL, e.getMessage(), e.fix()));
        } catch (MesserException e) {
            checks.add(e.hint().isEmpty() ? failed(name, e.getMessage())
                    : new Check(name, Check.Status.FAIL, e.problem(), e.hint()));
        } catch (Exception e) {
            checks.add(failed(name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return false;
    }

    /** A failure whose message gives the fix after "; ", as plain text. */
    private static Check failed(String name, String message) {
        int fixAt = message.indexOf("; ");
        return fixAt < 0 ? new Check(name, Check.Status.FAIL, message, Hint.text("run again with --debug for details"))
                : new Check(name, Check.Status.FAIL, message.substring(0, fixAt), Hint.text(message.substring(fixAt + 2)));
    }

    public List<Check> checks() {
        return Collections.unmodifiableList(checks);
    }

    public boolean anyFailed() {
        return checks.stream().anyMatch(Check::failed);
    }
}
