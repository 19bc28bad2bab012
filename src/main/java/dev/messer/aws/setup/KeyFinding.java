package dev.messer.aws.setup;

/**
 * One thing found about the master key by {@link MasterKeySetup}.
 *
 * @param subject  what was looked at: "rotation", "tags", "key policy"
 * @param detail   what was found or done, as a short phrase
 * @param state    see {@link State}
 * @param fixable  for a problem: whether {@code --fix} repairs it
 */
public record KeyFinding(String subject, String detail, State state, boolean fixable) {

    public enum State {
        /** As required. */
        OK,
        /** Was not as required and has been changed. */
        CHANGED,
        /** Not as required. */
        PROBLEM,
        /** Could not be checked with these credentials. */
        UNCHECKED
    }

    static KeyFinding ok(String subject, String detail) {
        return new KeyFinding(subject, detail, State.OK, false);
    }

    static KeyFinding changed(String subject, String detail) {
        return new KeyFinding(subject, detail, State.CHANGED, false);
    }

    static KeyFinding problem(String subject, String detail, boolean fixable) {
        return new KeyFinding(subject, detail, State.PROBLEM, fixable);
    }

    static KeyFinding unchecked(String subject, String detail) {
        return new KeyFinding(subject, detail, State.UNCHECKED, false);
    }
}
