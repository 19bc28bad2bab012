package dev.messer.security;

import dev.messer.cli.Terminal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A terminal for tests: interactive or not, typing scripted secrets, and keeping every prompt and secret array. */
final class ScriptedTerminal implements Terminal {

    private final boolean interactive;
    private final Deque<String> secrets = new ArrayDeque<>();
    private final List<char[]> handedOut = new ArrayList<>();
    private final List<String> prompts = new ArrayList<>();

    ScriptedTerminal(boolean interactive) {
        this.interactive = interactive;
    }

    static ScriptedTerminal none() {
        return new ScriptedTerminal(false);
    }

    ScriptedTerminal secret(String secret) {
        secrets.add(secret);
        return this;
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public String readLine(String prompt) {
        prompts.add(prompt);
        return null;
    }

    @Override
    public char[] readSecret(String prompt) {
        prompts.add(prompt);
        String next = secrets.poll();
        if (next == null) {
            return null;
        }
        char[] chars = next.toCharArray();
        handedOut.add(chars);
        return chars;
    }

    /** The arrays returned by {@link #readSecret}, to check that the caller wiped them. */
    List<char[]> secretsHandedOut() {
        return handedOut;
    }

    List<String> prompts() {
        return prompts;
    }
}
