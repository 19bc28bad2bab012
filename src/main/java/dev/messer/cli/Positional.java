package dev.messer.cli;

import dev.messer.names.KeyVersionNumber;
import dev.messer.names.Names;
import java.util.List;

/**
 * One positional word of a command's {@link Grammar}: how the usage line writes it, what it is, and
 * whether it may be left out or repeated.
 *
 * @param text     as the usage line writes it ({@code BAG}, {@code FIELD [FIELD...]})
 * @param kind     what the word is: it decides the check and what completion offers
 * @param label    what a name word is called in messages ("bag name"), for the name rule; null for no check
 * @param isOptional whether the word may be left out (the usage line brackets it)
 * @param repeats    whether more words of the same kind may follow
 */
public record Positional(String text, Kind kind, String label, boolean isOptional, boolean repeats) {

    /** What a positional word is. */
    public enum Kind {
        /** A provider word, {@code aws} or {@code local}; the hints of the run repeat it. */
        PROVIDER,
        /** One of the literal words of its text ({@code bash|zsh}), which completion offers. */
        CHOICE,
        /** A bag name; completion offers the bags of the store. */
        BAG,
        /** An item id of the bag before it; completion offers its items. */
        ITEM,
        /** {@code BAG/ITEM} references; completion offers bags, then their items. */
        REFERENCES,
        /** Anything else (a key name, a version, a file). */
        OTHER
    }

    public static final Positional PROVIDER = new Positional("aws|local", Kind.PROVIDER, null, false, false);
    /** The provider word of a command for aws only (see {@link Grammar#awsOnly}). */
    public static final Positional AWS = new Positional("aws", Kind.PROVIDER, null, false, false);
    public static final Positional BAG = new Positional("BAG", Kind.BAG, "bag name", false, false);
    public static final Positional ITEM = new Positional("ITEM", Kind.ITEM, "item id", false, false);
    public static final Positional KEY_NAME = new Positional("KEY_NAME", Kind.OTHER, "key name", false, false);

    /** A word that is none of the above, as the usage line writes it. */
    public static Positional word(String text) {
        return new Positional(text, Kind.OTHER, null, false, false);
    }

    /** One of the literal words of {@code text}, such as {@code bash|zsh}. */
    public static Positional choice(String text) {
        return new Positional(text, Kind.CHOICE, null, false, false);
    }

    /** A provider word written as {@code text} ({@code SRC_PROVIDER}). */
    public static Positional provider(String text) {
        return new Positional(text, Kind.PROVIDER, null, false, false);
    }

    /** {@code BAG/ITEM} references, written as {@code text}. */
    public static Positional references(String text) {
        return new Positional(text, Kind.REFERENCES, null, false, true);
    }

    /** This word, which may be left out. */
    public Positional optional() {
        return new Positional(text, kind, label, true, repeats);
    }

    /** This word, which may be followed by more of its kind (the text says so: {@code FIELD [FIELD...]}). */
    public Positional repeated() {
        return new Positional(text, kind, label, isOptional, true);
    }

    /** The words completion offers in this place: the provider words, or the literal choices. */
    public List<String> offers() {
        return switch (kind) {
            case PROVIDER -> text.matches("[a-z|]+") ? List.of(text.split("\\|")) : List.of("aws", "local");
            case CHOICE -> List.of(text.split("\\|"));
            default -> List.of();
        };
    }

    /** @throws Names.InvalidNameException when this is a name word and {@code word} breaks the name rule */
    void check(String word) {
        if (label != null) {
            Names.check(label, word);
        }
    }

    /** A key version given on the command line. @throws UsageException unless it follows {@link KeyVersionNumber} */
    public static int keyVersion(String text) {
        return KeyVersionNumber.parse(text).orElseThrow(() -> new UsageException("key version '" + Names.escaped(text)
                + "' is not a version number (0 to " + KeyVersionNumber.MAX + ")"));
    }
}
