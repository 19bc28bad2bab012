package dev.messer.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic key and nonce bytes for tests. */
public final class TestKeys {

    private TestKeys() {
    }

    /** SHA-256 of {@code label/0}, {@code label/1}, ... concatenated and cut to {@code length}. */
    public static byte[] fixedBytes(String label, int length) {
        byte[] out = new byte[length];
        int filled = 0;
        for (int counter = 0; filled < length; counter++) {
            byte[] block = sha256((label + "/" + counter).getBytes(StandardCharsets.US_ASCII));
            int n = Math.min(block.length, length - filled);
            System.arraycopy(block, 0, out, filled, n);
            filled += n;
        }
        return out;
    }

    public static DataKey dataKey(String label) {
        return DataKey.adopt(fixedBytes("key/" + label, DataKey.LENGTH));
    }

    public static DataKey fromHex(String hex) {
        return DataKey.adopt(HexFormat.of().parseHex(hex));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
