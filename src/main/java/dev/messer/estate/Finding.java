package dev.messer.estate;

import dev.messer.error.Hint;

/**
 * Something the audit found that calls for action, with the fix as command lines that run as
 * written.
 *
 * @param profile the profile it was found in, as reports print it
 * @param subject what it is about: "app v0", "12 items", the profile
 */
public record Finding(Kind kind, String profile, String subject, String detail, Hint fix) {

    /** The kinds of finding, with the identifier the JSON report gives each. */
    public enum Kind {
        KEY_VERSION_TOO_OLD("key-version-too-old"),
        ITEMS_NOT_ON_LATEST("items-not-on-latest-version"),
        UNUSED_KEY_VERSION("unused-key-version"),
        FORMAT_1_ITEMS("format-1-items"),
        MIN_ITEM_FORMAT_1("min-item-format-1");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
