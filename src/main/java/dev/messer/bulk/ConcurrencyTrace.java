package dev.messer.bulk;

/**
 * What the number of items in flight did during a bulk run (see {@link AdaptiveConcurrency}).
 *
 * @param pinned     fixed by {@code --parallel}
 * @param initial    the limit the run started with
 * @param peak       the highest limit it reached
 * @param last       the limit at the end
 * @param increases  how many times it doubled (kept or not)
 * @param decreases  how many times throttling halved it
 */
public record ConcurrencyTrace(boolean pinned, int initial, int peak, int last, int increases, int decreases) {

    /** A run that kept {@code parallel} items in flight throughout. */
    public static ConcurrencyTrace fixed(int parallel) {
        return new ConcurrencyTrace(true, parallel, parallel, parallel, 0, 0);
    }

    /** Two runs one after the other (copy to several destinations) as one: the first's start, the last's end. */
    ConcurrencyTrace merge(ConcurrencyTrace next) {
        return new ConcurrencyTrace(pinned && next.pinned, initial, Math.max(peak, next.peak), next.last,
                increases + next.increases, decreases + next.decreases);
    }

    /** "8 in flight (--parallel)", or "in flight 8 to 32, 16 at the end; 1 halving on throttling". */
    public String describe() {
        if (pinned) {
            return initial + " in flight (--parallel)";
        }
        return "in flight " + initial + (peak == initial ? "" : " to " + peak) + ", " + last + " at the end"
                + (decreases == 0 ? "" : "; " + decreases + (decreases == 1 ? " halving" : " halvings") + " on throttling");
    }
}
