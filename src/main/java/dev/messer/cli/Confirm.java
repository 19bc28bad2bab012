package dev.messer.cli;

/** Yes/no confirmation on the terminal for destructive commands. */
public final class Confirm {

    private Confirm() {
    }

    /** @throws UsageException when there is no terminal to ask on */
    public static boolean ask(Console console, String question) {
        if (!console.terminal().interactive()) {
            throw new UsageException("refusing to delete without confirmation: there is no terminal to ask on; "
                    + "add --no-prompt to delete anyway");
        }
        String answer = console.terminal().readLine(question + " Type 'yes' to confirm: ");
        return answer != null && answer.trim().equalsIgnoreCase("yes");
    }

    /**
     * @param withoutTerminal the usage error when there is no terminal, naming {@code --no-prompt}
     * @throws UsageException when there is no terminal to ask on
     */
    public static boolean ask(Console console, String question, String withoutTerminal) {
        if (!console.terminal().interactive()) {
            throw new UsageException(withoutTerminal);
        }
        return ask(console, question);
    }
}
