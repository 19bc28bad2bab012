package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import java.util.ArrayList;
import java.util.List;

/**
 * A command with the common options and the positional words its {@link Grammar} declares;
 * JCommander reads the delegate and the words from this superclass too.
 */
public abstract class CommandBase implements Command {

    @ParametersDelegate
    protected final CommonOptions common = new CommonOptions();

    /** The positional words, checked against the grammar before {@link #run} (the parser takes their description from it). */
    @Parameter(descriptionKey = Grammar.WORDS)
    protected List<String> words = new ArrayList<>();

    private final Grammar grammar;
    private List<String> passedThrough;

    protected CommandBase(Grammar grammar) {
        this.grammar = grammar;
    }

    @Override
    public final CommonOptions common() {
        return common;
    }

    @Override
    public final Grammar grammar() {
        return grammar;
    }

    @Override
    public final List<String> words() {
        return words;
    }

    @Override
    public final void passThrough(List<String> words) {
        this.passedThrough = words;
    }

    /** The words after {@code --} of a grammar that passes them through, or null when there was no {@code --}. */
    protected final List<String> passedThrough() {
        return passedThrough;
    }
}
