package dev.messer.estate;

import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of field values (HMAC-SHA-256) under a random key made for one run and wiped at its
 * end: equal values hash equal within the run, and nothing that outlives the run can be used to test
 * a guess of a value.
 */
public final class FieldHasher implements AutoCloseable {

    private final byte[] key = new byte[32];

    public FieldHasher() {
        new SecureRandom().nextBytes(key);
    }

    /** The hash of a value as JSON (so that the text "1" and the number 1 differ), base64. */
    public String hash(JsonElement value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
            try {
                return Base64.getEncoder().encodeToString(mac.doFinal(text));
            } finally {
                Arrays.fill(text, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "FieldHasher[key hidden]";
    }
}
