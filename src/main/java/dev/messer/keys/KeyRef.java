package dev.messer.keys;

import dev.messer.names.KeyVersionNumber;

/** One version of a named data key; the number follows {@link KeyVersionNumber}. */
public record KeyRef(String name, int version) {

    /** @throws IllegalArgumentException for a version outside 0 to {@link KeyVersionNumber#MAX} */
    public KeyRef {
        if (version < 0 || version > KeyVersionNumber.MAX) {
            throw new IllegalArgumentException("key version " + version + " is outside 0 to " + KeyVersionNumber.MAX);
        }
    }

    public String objectKey() {
        return name + "/" + version;
    }

    // Written out: the generated record methods bootstrap method handles on first use, which costs
    // every command that decrypts a measurable part of its start-up (docs/performance.md).
    @Override
    public boolean equals(Object other) {
        return other instanceof KeyRef ref && ref.version == version && ref.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + version;
    }

    @Override
    public String toString() {
        return name + " v" + version;
    }
}
