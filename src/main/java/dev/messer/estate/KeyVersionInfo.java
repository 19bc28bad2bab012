package dev.messer.estate;

import java.time.Duration;
import java.time.Instant;

/**
 * One stored version of a data key, from its object's metadata: no unwrap, no master key.
 *
 * @param created        when the version was created: its creation-time metadata, else the object's
 *                       last-modified time ({@code createdFromMetadata} says which)
 * @param bound          whether the version carries an encryption context
 * @param hasTier        whether that context names a tier ({@code messer:tier})
 * @param items          the current items sealed with it
 * @param latest         whether it is the latest version of its key
 */
public record KeyVersionInfo(String name, int version, Instant created, boolean createdFromMetadata, boolean bound,
                             boolean hasTier, long items, boolean latest) {

    public Duration age(Instant now) {
        Duration age = Duration.between(created, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** "app v2" */
    public String label() {
        return name + " v" + version;
    }
}
