package dev.messer.cli;

/** The user's terminal, for confirmations and secret prompts; absent in pipelines. */
public interface Terminal {

    /** True when there is a terminal to ask on. */
    boolean interactive();

    /** Prints {@code prompt} and reads a line, or returns null at end of input. */
    String readLine(String prompt);

    /** Reads without echo. The caller wipes the array. */
    char[] readSecret(String prompt);

    /** The process's terminal, through {@link System#console()}. */
    static Terminal system() {
        return new Terminal() {
            @Override
            public boolean interactive() {
                return System.console() != null;
            }

            @Override
            public String readLine(String prompt) {
                return System.console() == null ? null : System.console().readLine("%s", prompt);
            }

            @Override
            public char[] readSecret(String prompt) {
                return System.console() == null ? null : System.console().readPassword("%s", prompt);
            }
        };
    }
}
