package dev.messer.estate;

/**
 * A count with its noun in the number the count asks for ("1 finding", "2 findings", "0 items"), for
 * every count the audit and the comparison write.
 */
public final class Counts {

    private Counts() {
    }

    /** {@code count} and {@code singular}, with an "s" unless the count is one. */
    public static String of(long count, String singular) {
        return count + " " + (count == 1 ? singular : singular + "s");
    }
}
