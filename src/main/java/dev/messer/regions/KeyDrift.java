package dev.messer.regions;

import dev.messer.keys.KeyRef;

/**
 * One data-key version where a region differs from the home region, and what was (or would be)
 * done about it.
 */
public record KeyDrift(String region, KeyRef ref, Kind kind) {

    public enum Kind {
        /** The home region has it, this region did not: copied, wrapped by this region's key. */
        MISSING("missing", "copied"),
        /** Deleted in the home region, still here: retired here too. */
        DELETED_AT_HOME("deleted in the home region", "deleted"),
        /** Here under the same number with another key: never overwritten by sync. */
        DIFFERS("holds another key under this number", "left as it is (it differs from the home region)"),
        /** Retired here, live in the home region. */
        DELETED_HERE("deleted here but live in the home region", "left as it is"),
        /** Only here. */
        EXTRA("exists only in this region", "left as it is");

        private final String state;
        private final String action;

        Kind(String state, String action) {
            this.state = state;
            this.action = action;
        }

        /** How the region differs: "missing". */
        public String state() {
            return state;
        }

        /** What sync does about it: "copied". */
        public String action() {
            return action;
        }

        /** Whether sync brings the region up to date for this version. */
        public boolean repairable() {
            return this == MISSING || this == DELETED_AT_HOME;
        }
    }
}
