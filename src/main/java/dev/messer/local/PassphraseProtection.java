package dev.messer.local;

import dev.messer.crypto.AesGcm;
import dev.messer.crypto.DataKey;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.IntegrityException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The body of a passphrase-protected master key file (protection byte {@code 0x01}): after the
 * 6-byte header, the Argon2id costs (memory KiB, passes, lanes: three big-endian u32), a 16-byte
 * salt, a 12-byte nonce, then the 32-byte master key sealed with AES-256-GCM (48 bytes with the tag)
 * under the key Argon2id derives from the passphrase. Everything before the nonce is the associated
 * data, so the costs and salt cannot be changed without the file failing to open.
 */
final class PassphraseProtection {

    static final byte PROTECTION = 0x01;
    static final int SALT_BYTES = 16;
    static final int NONCE_BYTES = 12;
    private static final int COSTS_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PassphraseProtection() {
    }

    static int length(int headerLength) {
        return headerLength + COSTS_BYTES + SALT_BYTES + NONCE_BYTES + DataKey.LENGTH + AesGcm.TAG_BYTES;
    }

    /** The whole file content: {@code header}, costs, salt, nonce, sealed key. */
    static byte[] seal(byte[] header, byte[] material, char[] passphrase, Argon2idParameters costs) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        byte[] prefix = ByteBuffer.allocate(header.length + COSTS_BYTES + SALT_BYTES).put(header)
                .putInt(costs.memoryKiB()).putInt(costs.iterations()).putInt(costs.parallelism()).put(salt).array();
        try (DataKey wrapping = costs.derive(passphrase, salt)) {
            byte[] sealed = AesGcm.seal(wrapping, nonce, material, prefix);
            return ByteBuffer.allocate(prefix.length + NONCE_BYTES + sealed.length).put(prefix).put(nonce)
                    .put(sealed).array();
        }
    }

    /**
     * @throws AccessDeniedException if the passphrase is wrong (or the file was altered)
     * @throws IntegrityException    if the file is not in this format
     */
    static DataKey open(byte[] content, int headerLength, char[] passphrase, Path file) {
        if (content.length != length(headerLength)) {
            throw new IntegrityException("master key file " + file + " is not a messer local master key"
                    + " (a protected key file has the wrong length)");
        }
        ByteBuffer in = ByteBuffer.wrap(content);
        in.position(headerLength);
        Argon2idParameters costs;
        try {
            costs = new Argon2idParameters(in.getInt(), in.getInt(), in.getInt());
        } catch (IntegrityException e) {
            throw new IntegrityException("master key file " + file + " is corrupted: " + e.getMessage());
        }
        int prefixLength = headerLength + COSTS_BYTES + SALT_BYTES;
        byte[] salt = Arrays.copyOfRange(content, headerLength + COSTS_BYTES, prefixLength);
        byte[] prefix = Arrays.copyOf(content, prefixLength);
        byte[] nonce = Arrays.copyOfRange(content, prefixLength, prefixLength + NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(content, prefixLength + NONCE_BYTES, content.length);
        try (DataKey wrapping = costs.derive(passphrase, salt)) {
            return DataKey.adopt(AesGcm.open(wrapping, nonce, sealed, prefix));
        } catch (IntegrityException e) {
            throw new AccessDeniedException("wrong passphrase for master key file " + file
                    + " (or the file was altered); check " + PassphraseSource.ENVIRONMENT_VARIABLE
                    + " or type it again");
        }
    }
}
