package dev.messer.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An unwrapped 256-bit data key. The bytes are reachable only inside this package (for the cipher)
 * and are overwritten by {@link #close()}. {@code toString()} never shows them.
 */
public final class DataKey implements AutoCloseable {

    public static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] material;
    private volatile boolean destroyed;

    private DataKey(byte[] material) {
        this.material = material;
    }

    /** Takes ownership of {@code material} (no copy): the caller must not keep using the array. */
    public static DataKey adopt(byte[] material) {
        Objects.requireNonNull(material, "material");
        if (material.length != LENGTH) {
            Arrays.fill(material, (byte) 0);
            throw new IllegalArgumentException("a data key is " + LENGTH + " bytes, got " + material.length);
        }
        return new DataKey(material);
    }

    /** A fresh random key, for the local master key and tests. */
    public static DataKey random() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.nextBytes(bytes);
        return new DataKey(bytes);
    }

    /**
     * Runs {@code use} with the raw bytes. Only for code that wraps a key under a master key; every
     * caller is visible with grep.
     */
    public <T> T withMaterialForWrapping(java.util.function.Function<byte[], T> use) {
        return use.apply(material());
    }

    /** Whether both hold the same bytes, compared in constant time (a version's copies in two regions, a new wrap checked against the key it wraps). */
    public boolean sameAs(DataKey other) {
        return java.security.MessageDigest.isEqual(material(), other.material());
    }

    byte[] material() {
        if (destroyed) {
            throw new IllegalStateException("data key used after it was wiped");
        }
        return material;
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    /**
     * A copy with its own bytes, which the caller owns and closes; empty once this key is wiped. A
     * copy is never taken from half-wiped bytes: copying and {@link #close()} exclude each other.
     */
    public synchronized Optional<DataKey> copyUnlessWiped() {
        return destroyed ? Optional.empty() : Optional.of(new DataKey(material.clone()));
    }

    @Override
    public synchronized void close() {
        destroyed = true;
        Arrays.fill(material, (byte) 0);
    }

    @Override
    public String toString() {
        return destroyed ? "DataKey[wiped]" : "DataKey[AES-256]";
    }
}
