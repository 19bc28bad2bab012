package dev.messer.keys;

/** One version of a named data key. */
public record KeyRef(String name, int version) {

    public String objectKey() {
        return name + "/" + version;
    }

    @Override
    public String toString() {
        return name + " v" + version;
    }
}
