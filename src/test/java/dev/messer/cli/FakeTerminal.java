package dev.messer.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The terminal of every CLI test: interactive or not, answering line prompts and secret prompts
 * from queues, recording every prompt, and keeping every secret array it handed out so a test can
 * check that the caller wiped it. A secret prompt with no scripted secret takes the next line.
 */
public final class FakeTerminal implements Terminal {

    private final boolean interactive;
    private final Deque<String> lines = new ArrayDeque<>();
    private final Deque<String> secrets = new ArrayDeque<>();
    private final List<char[]> handedOut = new ArrayList<>();
    /** Every prompt shown, in order. */
    public final List<String> prompts = new ArrayList<>();

    private FakeTerminal(boolean interactive) {
        this.interactive = interactive;
    }

    /** No terminal: nothing is interactive and no prompt is answered. */
    public static FakeTerminal none() {
        return new FakeTerminal(false);
    }

    /** An interactive terminal where the user types {@code lines}, one per prompt. */
    public static FakeTerminal answering(String... lines) {
        FakeTerminal terminal = new FakeTerminal(true);
        terminal.lines.addAll(List.of(lines));
        return terminal;
    }

    /** Adds a secret the user types at the next secret prompt. */
    public FakeTerminal secret(String secret) {
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
        return lines.poll();
    }

    @Override
    public char[] readSecret(String prompt) {
        prompts.add(prompt);
        String next = secrets.isEmpty() ? lines.poll() : secrets.poll();
        if (next == null) {
            return null;
        }
        char[] chars = next.toCharArray();
        handedOut.add(chars);
        return chars;
    }

    /** The arrays returned by {@link #readSecret}, to check that the caller wiped them. */
    public List<char[]> secretsHandedOut() {
        return handedOut;
    }

    public List<String> prompts() {
        return prompts;
    }
}
