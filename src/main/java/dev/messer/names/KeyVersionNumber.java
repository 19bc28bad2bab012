package dev.messer.names;

import java.util.OptionalInt;

/**
 * The one rule for data key version numbers, wherever they are read: in the keys bucket
 * ({@code <name>/<version>} and tombstones), in stored items and envelopes ({@code key_version}),
 * and on the command line. A version is written in ASCII digits, without a sign, and lies between 0
 * and {@link #MAX}, so that the number after any version still fits: 2^31 − 1 and above would
 * overflow the next version into a negative number that sorts below every other.
 */
public final class KeyVersionNumber {

    /** The highest version number: 2^31 − 2. */
    public static final int MAX = Integer.MAX_VALUE - 1;

    private KeyVersionNumber() {
    }

    /** The version {@code text} names; empty unless it is ASCII digits without leading zeros, at most {@link #MAX}. */
    public static OptionalInt parse(String text) {
        if (!isDigits(text) || text.length() > 1 && text.charAt(0) == '0') {
            return OptionalInt.empty();
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            value = value * 10 + (text.charAt(i) - '0');
            if (value > MAX) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of((int) value);
    }

    /**
     * The version a stored item's {@code key_version} names: as {@link #parse}, except that leading
     * zeros and a leading {@code +} are read as Python's {@code int()}, which Messer applies to the
     * label, reads them ({@code "03"} and {@code "+3"} are 3). An item's label only names a version;
     * the keys bucket's own names stay strict.
     */
    public static OptionalInt parseLabel(String label) {
        String text = label != null && label.startsWith("+") ? label.substring(1) : label;
        if (!isDigits(text)) {
            return OptionalInt.empty();
        }
        int first = 0;
        while (first < text.length() - 1 && text.charAt(first) == '0') {
            first++;
        }
        return parse(text.substring(first));
    }

    /**
     * True for a whole number, signed or not, whatever its size: text that {@link #parse} refuses
     * only for its sign or its size is a number out of range, not a stray name.
     */
    public static boolean isWholeNumber(String text) {
        return text != null && isDigits(text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text);
    }

    private static boolean isDigits(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
