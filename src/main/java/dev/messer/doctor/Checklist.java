package dev.messer.doctor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs checks in order and keeps their outcomes. A check that needs another one is skipped when
 * that one did not pass; a check that throws fails, with the exception's message (which names the
 * fix) unless the step gives its own fix.
 */
public final class Checklist {

    /** One check: returns what it found, or throws. */
    @FunctionalInterface
    public interface Step {
        String run() throws Exception;
    }

    /** Thrown by a step to fail with a specific fix. */
    public static final class Failure extends RuntimeException {
        private final String fix;

        public Failure(String problem, String fix) {
            super(problem);
            this.fix = fix;
        }

        public String fix() {
            return fix;
        }
    }

    /** Thrown by a step that passes, but with something to look at (it does not fail the run). */
    public static final class Warning extends RuntimeException {
        private final String fix;

        public Warning(String detail, String fix) {
            super(detail);
            this.fix = fix;
        }

        public String fix() {
            return fix;
        }
    }

    /** Thrown by a step that passes with something worth knowing, which is neither a problem nor a warning. */
    public static final class Info extends RuntimeException {
        private final String hint;

        public Info(String detail, String hint) {
            super(detail);
            this.hint = hint;
        }

        public String hint() {
            return hint;
        }
    }

    private final List<Check> checks = new ArrayList<>();
    private final Set<String> passed = new HashSet<>();

    /** Runs {@code step} unless one of {@code needs} did not pass. @return whether it passed */
    public boolean check(String name, Step step, String... needs) {
        for (String need : needs) {
            if (!passed.contains(need)) {
                checks.add(new Check(name, Check.Status.SKIP, "needs: " + need, ""));
                return false;
            }
        }
        try {
            String detail = step.run();
            checks.add(new Check(name, Check.Status.PASS, detail, ""));
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
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int fixAt = message.indexOf("; ");
            checks.add(fixAt < 0
                    ? new Check(name, Check.Status.FAIL, message, "run again with --debug for details")
                    : new Check(name, Check.Status.FAIL, message.substring(0, fixAt), message.substring(fixAt + 2)));
        }
        return false;
    }

    public List<Check> checks() {
        return Collections.unmodifiableList(checks);
    }

    public boolean anyFailed() {
        return checks.stream().anyMatch(Check::failed);
    }
}
