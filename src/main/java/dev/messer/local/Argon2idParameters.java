package dev.messer.local;

import dev.messer.crypto.DataKey;
import dev.messer.error.IntegrityException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The cost of deriving a key-wrapping key from a passphrase with Argon2id (RFC 9106, version 0x13).
 * Stored in a protected key file, so a file written with other costs still opens. Costs read from a
 * file are bounded, so a crafted file cannot make the tool allocate without limit.
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism) {

    /** RFC 9106's second recommended option with one lane: 64 MiB, 3 passes. */
    public static final Argon2idParameters DEFAULT = new Argon2idParameters(64 * 1024, 3, 1);

    static final int MAX_MEMORY_KIB = 1024 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;

    public Argon2idParameters {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM || iterations < 1 || iterations > MAX_ITERATIONS
                || memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IntegrityException("Argon2id costs out of range (memory " + memoryKiB + " KiB, "
                    + iterations + " passes, " + parallelism + " lanes)");
        }
    }

    /**
     * Derives a 256-bit key from {@code passphrase} (UTF-8) and {@code salt}. The passphrase bytes made
     * here are wiped; the caller wipes {@code passphrase} and closes the key.
     */
    DataKey derive(char[] passphrase, byte[] salt) {
        byte[] secret = utf8(passphrase);
        byte[] out = new byte[DataKey.LENGTH];
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(params);
            generator.generateBytes(secret, out);
            return DataKey.adopt(out);
        } finally {
            Arrays.fill(secret, (byte) 0);
            params.clear();
        }
    }

    /** UTF-8 bytes of {@code chars} without going through a String that cannot be wiped. */
    static byte[] utf8(char[] chars) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
