package dev.messer.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A terminal for tests: interactive or not, answering prompts from a queue and recording them. */
final class FakeTerminal implements Terminal {

    private final boolean interactive;
    private final Deque<String> answers = new ArrayDeque<>();
    final List<String> prompts = new ArrayList<>();

    private FakeTerminal(boolean interactive) {
        this.interactive = interactive;
    }

    static FakeTerminal none() {
        return new FakeTerminal(false);
    }

    static FakeTerminal answering(String... lines) {
        FakeTerminal terminal = new FakeTerminal(true);
        terminal.answers.addAll(List.of(lines));
        return terminal;
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public String readLine(String prompt) {
        prompts.add(prompt);
        return answers.poll();
    }

    @Override
    public char[] readSecret(String prompt) {
        prompts.add(prompt);
        String answer = answers.poll();
        return answer == null ? null : answer.toCharArray();
    }
}
