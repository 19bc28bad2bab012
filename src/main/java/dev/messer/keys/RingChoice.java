package dev.messer.keys;

import java.util.function.Function;

/**
 * Which {@link KeyRing} a read of a data key goes to: the one ring of a profile, or, for a profile
 * that spans regions, the nearest region's ring that answers.
 */
public interface RingChoice {

    /** Runs {@code call} on the chosen ring, or on the next one when a ring's region is out. */
    <T> T read(Function<KeyRing, T> call);

    static RingChoice only(KeyRing ring) {
        return new RingChoice() {
            @Override
            public <T> T read(Function<KeyRing, T> call) {
                return call.apply(ring);
            }
        };
    }
}
