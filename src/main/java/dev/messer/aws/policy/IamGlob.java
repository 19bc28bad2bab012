package dev.messer.aws.policy;

import java.util.BitSet;
import java.util.Locale;

/**
 * The wildcards of IAM policy patterns: {@code *} matches any run of characters (also none),
 * {@code ?} exactly one. IAM compares action names without regard to case ({@code KMS:decrypt} is
 * {@code kms:Decrypt}) and resource ARNs with it. A pattern is run as a small automaton over its
 * positions, so that a question such as "does this pattern match every action of the service,
 * also those added later?" has an exact answer.
 */
final class IamGlob {

    private IamGlob() {
    }

    /** Whether {@code pattern} matches {@code value}. */
    static boolean matches(String pattern, String value, boolean ignoreCase) {
        String p = fold(pattern, ignoreCase);
        BitSet states = run(p, fold(value, ignoreCase));
        return states.get(p.length());
    }

    /**
     * Whether {@code pattern} matches every value that starts with {@code prefix}: {@code kms:*},
     * {@code *}, {@code k?s:*} or {@code km*} for the prefix {@code kms:}, but not {@code kms:Re*}.
     */
    static boolean matchesEveryValueStartingWith(String pattern, String prefix, boolean ignoreCase) {
        String p = fold(pattern, ignoreCase);
        BitSet states = run(p, fold(prefix, ignoreCase));
        for (int state = states.nextSetBit(0); state >= 0; state = states.nextSetBit(state + 1)) {
            String rest = p.substring(state);
            if (!rest.isEmpty() && rest.chars().allMatch(c -> c == '*')) {
                return true;
            }
        }
        return false;
    }

    /** The pattern positions reachable after reading {@code value}, each closed over empty {@code *} matches. */
    private static BitSet run(String pattern, String value) {
        BitSet states = closure(pattern, single(0));
        for (int i = 0; i < value.length() && !states.isEmpty(); i++) {
            char c = value.charAt(i);
            BitSet next = new BitSet();
            for (int state = states.nextSetBit(0); state >= 0; state = states.nextSetBit(state + 1)) {
                if (state == pattern.length()) {
                    continue;
                }
                char p = pattern.charAt(state);
                if (p == '*') {
                    next.set(state);
                } else if (p == '?' || p == c) {
                    next.set(state + 1);
                }
            }
            states = closure(pattern, next);
        }
        return states;
    }

    private static BitSet closure(String pattern, BitSet states) {
        BitSet closed = (BitSet) states.clone();
        for (int state = closed.nextSetBit(0); state >= 0; state = closed.nextSetBit(state + 1)) {
            if (state < pattern.length() && pattern.charAt(state) == '*') {
                closed.set(state + 1);
            }
        }
        return closed;
    }

    private static BitSet single(int state) {
        BitSet set = new BitSet();
        set.set(state);
        return set;
    }

    private static String fold(String text, boolean ignoreCase) {
        return ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
    }
}
