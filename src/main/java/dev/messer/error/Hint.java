package dev.messer.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What to do about a failure, with messer's command lines in it typed rather than written out. A
 * {@link Run} names the command's words, where its provider word comes from and its arguments;
 * the command line renders each run with the provider word, {@code --profile} and {@code -c} the
 * user typed, so that the advice runs as written for that user; the library's client renders them
 * for its profile ({@link MesserException#withCommandLines}). Rendered without either (in logs and
 * tests), a run shows the placeholder {@code <provider>}.
 *
 * <pre>{@code
 * new NotFoundException("data bag web does not exist in " + where,
 *         Hint.of("create it with {}", Hint.command("data bag create", "web")));
 * }</pre>
 */
public final class Hint {

    /** No advice. */
    public static final Hint NONE = new Hint(List.of());

    private final List<Object> parts;

    private Hint(List<Object> parts) {
        this.parts = List.copyOf(parts);
    }

    /** Advice without a command line of messer's ("restore it from your backup"). */
    public static Hint text(String advice) {
        return new Hint(advice.isEmpty() ? List.of() : List.of(advice));
    }

    /**
     * Advice whose {@code {}} take {@code values} in order: a {@link Run} becomes a command line in
     * single quotes, anything else its text, which is taken as it is (a path may hold braces).
     */
    public static Hint of(String template, Object... values) {
        List<Object> parts = new ArrayList<>();
        int next = 0;
        int from = 0;
        for (int at = template.indexOf("{}"); at >= 0; at = template.indexOf("{}", from)) {
            if (next == values.length) {
                throw new IllegalArgumentException("more {} than values in: " + template);
            }
            parts.add(template.substring(from, at));
            parts.add(values[next] instanceof Run run ? run : String.valueOf(values[next]));
            next++;
            from = at + 2;
        }
        if (next != values.length) {
            throw new IllegalArgumentException("more values than {} in: " + template);
        }
        parts.add(template.substring(from));
        parts.removeIf(part -> part instanceof String text && text.isEmpty());
        return new Hint(parts);
    }

    /** {@code messer WORDS PROVIDER ARGS...}, with the provider word the user typed. */
    public static Run command(String words, String... arguments) {
        return new Run(words, Run.Provider.TYPED, List.of(arguments));
    }

    /** {@code messer WORDS aws ARGS...}: a command of the aws provider, whatever the user typed. */
    public static Run aws(String words, String... arguments) {
        return new Run(words, Run.Provider.AWS, List.of(arguments));
    }

    /** {@code messer WORDS local ARGS...}: a command of the local provider, whatever the user typed. */
    public static Run local(String words, String... arguments) {
        return new Run(words, Run.Provider.LOCAL, List.of(arguments));
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** The command lines of this advice, in order. */
    public List<Run> runs() {
        return parts.stream().filter(Run.class::isInstance).map(Run.class::cast).toList();
    }

    /** The advice, with each run written by {@code commandLine} (without quotes) and put in single quotes. */
    public String render(Function<Run, String> commandLine) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part instanceof Run run ? "'" + commandLine.apply(run) + "'" : part);
        }
        return text.toString();
    }

    /** {@code problem; advice}, or the problem alone when there is no advice. */
    public String after(String problem, Function<Run, String> commandLine) {
        return isEmpty() ? problem : problem + "; " + render(commandLine);
    }

    /** The advice with {@code <provider>} where the provider word the user typed goes. */
    @Override
    public String toString() {
        return render(Run::toString);
    }

    /**
     * One of messer's command lines.
     *
     * @param words     the command's words ({@code data bag create})
     * @param provider  where the provider word after them comes from
     * @param arguments what follows the provider word, one word each
     */
    public record Run(String words, Provider provider, List<String> arguments) {

        /** Where a run's provider word comes from. */
        public enum Provider {
            /** The provider word the user typed. */
            TYPED,
            AWS,
            LOCAL
        }

        public Run {
            arguments = List.copyOf(arguments);
        }

        /** The provider word: {@code typed} (null when none was typed) for {@link Provider#TYPED}. */
        public String providerWord(String typed) {
            return switch (provider) {
                case AWS -> "aws";
                case LOCAL -> "local";
                case TYPED -> typed == null ? "<provider>" : typed;
            };
        }

        /** {@code messer data bag create <provider> web}. */
        @Override
        public String toString() {
            StringBuilder line = new StringBuilder("messer ").append(words).append(' ').append(providerWord(null));
            arguments.forEach(argument -> line.append(' ').append(argument));
            return line.toString();
        }
    }
}
