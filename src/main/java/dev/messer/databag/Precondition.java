package dev.messer.databag;

import java.util.Optional;

/**
 * What must hold of the stored item for a write to go through: that there is none (create only), or
 * that it is still the object that was read (its entity tag). A write whose precondition fails
 * writes nothing, so a concurrent change is reported, never lost.
 *
 * @param etag the entity tag the stored item must still have; empty when there must be none
 */
public record Precondition(Optional<String> etag) {

    /** The item must not exist. */
    public static Precondition absent() {
        return new Precondition(Optional.empty());
    }

    /** The item must still be the object {@code read} found. */
    public static Precondition unchanged(ItemService.Read read) {
        return new Precondition(Optional.of(read.etag()));
    }

    /** {@link #unchanged} the item read, or {@link #absent} when there was none. */
    public static Precondition asFound(Optional<ItemService.Read> current) {
        return current.map(Precondition::unchanged).orElseGet(Precondition::absent);
    }
}
