package dev.messer.crypto;

import dev.messer.error.IntegrityException;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a 128-bit tag through the JDK's JCA. The output of {@link #seal} is
 * ciphertext followed by the tag, as the JCA produces it.
 */
public final class AesGcm {

    public static final int TAG_BYTES = 16;

    private AesGcm() {
    }

    public static byte[] seal(DataKey key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        return seal(key.material(), nonce, plaintext, associatedData);
    }

    public static byte[] open(DataKey key, byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) {
        return open(key.material(), nonce, ciphertextAndTag, associatedData);
    }

    static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, associatedData);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK: " + e.getClass().getSimpleName(), e);
        }
    }

    static byte[] open(byte[] key, byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) {
        if (ciphertextAndTag.length < TAG_BYTES) {
            throw new IntegrityException("ciphertext is shorter than its authentication tag");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, associatedData);
            return cipher.doFinal(ciphertextAndTag);
        } catch (AEADBadTagException e) {
            throw new IntegrityException("authentication failed");
        } catch (GeneralSecurityException e) {
            throw new IntegrityException("cannot decrypt: " + e.getClass().getSimpleName());
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] associatedData)
            throws GeneralSecurityException {
        if (nonce.length == 0) {
            throw new IntegrityException("empty nonce");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        if (associatedData != null && associatedData.length > 0) {
            cipher.updateAAD(associatedData);
        }
        return cipher;
    }
}
