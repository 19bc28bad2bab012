package dev.messer.cli;

import com.beust.jcommander.JCommander;
import dev.messer.config.Provider;
import dev.messer.error.Hint;
import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Optional;

/**
 * A command's positional words and usage line, declared once, in the command:
 * {@code static final Grammar GRAMMAR = Grammar.of(PROVIDER, BAG, ITEM.optional()).options("[--force]")}.
 * JCommander collects the words into {@link CommandBase#words}; before the command runs, the grammar
 * checks how many there are, the provider word and the name rule. Usage errors, {@code --help}, the
 * man page and completion read the words from here, and hints take the provider word the user typed
 * from the place the grammar gives it.
 */
public final class Grammar {

    /** The key under which the parser finds the description of the positional words (see {@link #parser}). */
    static final String WORDS = "messer.positional-words";

    /** A command without positional words. */
    public static final Grammar NONE = new Grammar(List.of(), "", null, null, null);

    private final List<Positional> positionals;
    private final String options;
    private final String passThrough;
    private final Hint awsOnlyBecause;
    private final String hiddenForm;

    private Grammar(List<Positional> positionals, String options, String passThrough, Hint awsOnlyBecause,
                    String hiddenForm) {
        this.positionals = List.copyOf(positionals);
        this.options = options;
        this.passThrough = passThrough;
        this.awsOnlyBecause = awsOnlyBecause;
        this.hiddenForm = hiddenForm;
    }

    /** The positional words in order; optional ones come last, and only the last may repeat. */
    public static Grammar of(Positional... positionals) {
        for (int i = 0; i < positionals.length - 1; i++) {
            if (positionals[i].repeats() || positionals[i].isOptional() && !positionals[i + 1].isOptional()) {
                throw new IllegalArgumentException("only the last words may be optional, and only the last may repeat");
            }
        }
        return new Grammar(List.of(positionals), "", null, null, null);
    }

    /**
     * A command for the aws provider only ({@code setup}, {@code policy}, {@code login},
     * {@code logout}): its one word is {@code aws}, and {@code local} is refused, saying {@code why}.
     */
    public static Grammar awsOnly(Hint why) {
        return new Grammar(List.of(Positional.AWS), "", null, why, null);
    }

    /** These words for the aws provider only (the first is {@code aws}): {@code local} is refused, saying {@code why}. */
    public Grammar onlyForAws(Hint why) {
        return new Grammar(positionals, options, passThrough, why, hiddenForm);
    }

    /** The options as the usage line shows them after the words ({@code [--force] [--dry-run]}). */
    public Grammar options(String synopsis) {
        return new Grammar(positionals, synopsis, passThrough, awsOnlyBecause, hiddenForm);
    }

    /**
     * The command takes another command line after {@code --}, shown as {@code synopsis}: the words
     * after the first {@code --} reach it verbatim, and the parser reads only the words before.
     */
    public Grammar passThrough(String synopsis) {
        return new Grammar(positionals, options, synopsis, awsOnlyBecause, hiddenForm);
    }

    /**
     * Words that start with {@code firstWord} form a second grammar that neither help nor completion
     * shows, and that the command checks itself ({@code messer completion names ...}).
     */
    public Grammar hidden(String firstWord) {
        return new Grammar(positionals, options, passThrough, awsOnlyBecause, firstWord);
    }

    public List<Positional> positionals() {
        return positionals;
    }

    public boolean passesThrough() {
        return passThrough != null;
    }

    /** The usage line of the command at {@code path}: {@code messer data bag show aws|local [BAG [ITEM]] [--decrypt]}. */
    public String usage(String path) {
        String line = join(path, positionalText(), options);
        return passThrough == null ? line : line + " -- " + passThrough;
    }

    /** The positional words as {@code --help} shows them after {@code [options]}. */
    public String words() {
        String text = positionalText();
        return passThrough == null ? text : join(text, "--", passThrough);
    }

    /**
     * Checks the words of the command at {@code path}: how many there are, each provider word, and
     * each name against the name rule, so that a bad one is refused before anything is read.
     *
     * @throws UsageException or {@link dev.messer.names.Names.InvalidNameException}
     */
    public void check(List<String> words, String path) {
        if (hiddenForm != null && !words.isEmpty() && words.get(0).equals(hiddenForm)) {
            return;
        }
        long min = positionals.stream().filter(p -> !p.isOptional()).count();
        boolean repeats = !positionals.isEmpty() && positionals.get(positionals.size() - 1).repeats();
        if (words.size() < min) {
            throw UsageException.withUsage("missing arguments");
        }
        if (words.size() > positionals.size() && !repeats) {
            throw UsageException.withUsage(positionals.isEmpty() ? "unexpected argument '" + words.get(0) + "'"
                    : "too many arguments");
        }
        for (int i = 0; i < words.size(); i++) {
            Positional positional = positionals.get(Math.min(i, positionals.size() - 1));
            if (positional.kind() == Positional.Kind.PROVIDER) {
                requireProvider(words.get(i), path);
            }
            positional.check(words.get(i));
        }
    }

    /** The provider word the user typed, for the hints of the run; empty when there is none (yet). */
    public Optional<String> providerWord(List<String> words) {
        for (int i = 0; i < Math.min(words.size(), positionals.size()); i++) {
            if (positionals.get(i).kind() == Positional.Kind.PROVIDER && Provider.fromWord(words.get(i)) != null) {
                return Optional.of(words.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The parser of {@code command}: JCommander over its annotated fields, with this grammar as the
     * description of the positional words, which {@code --help} and the man page print, and with the
     * setting options it holds ({@link SettingOptions}). The one way a parser is built: to run the
     * command, for help, completion and the man page.
     */
    public JCommander parser(Object command, String program) {
        String words = words();
        JCommander parser = JCommander.newBuilder().programName(program).expandAtSign(false)
                .resourceBundle(new ListResourceBundle() {
                    @Override
                    protected Object[][] getContents() {
                        return new Object[][] {{WORDS, words}};
                    }
                }).build();
        parser.setParameterizedParser(SettingOptions.DISCOVERY); // before the object, whose options it finds
        parser.addObject(command);
        return parser;
    }

    private void requireProvider(String word, String path) {
        Provider provider = CommandContext.provider(word);
        if (awsOnlyBecause != null && provider != Provider.AWS) {
            throw new UsageException("'" + path + "' applies to aws only", awsOnlyBecause);
        }
    }

    /** {@code aws|local BAG [ITEM [V]]}: each optional word nests in the brackets of the one before. */
    private String positionalText() {
        StringBuilder text = new StringBuilder();
        int open = 0;
        for (Positional positional : positionals) {
            if (text.length() > 0) {
                text.append(' ');
            }
            if (positional.isOptional()) {
                text.append('[');
                open++;
            }
            text.append(positional.text());
        }
        return text.append("]".repeat(open)).toString();
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isEmpty()) {
                present.add(part);
            }
        }
        return String.join(" ", present);
    }
}
