package dev.messer.recovery;

import dev.messer.error.IntegrityException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * The break-glass wrap of a data key under a recovery public key, with published schemes only
 * (docs/format.md, section 8): HPKE (RFC 9180, base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256,
 * AES-256-GCM) for an X25519 key, RSAES-OAEP (RFC 8017) with SHA-256 and MGF1-SHA-256 for an RSA
 * key. The binding (key name, version, tier, recovery key) is the HPKE associated data, or follows
 * {@link #INFO} in the OAEP label, so that a wrap opens only as the version it was made for.
 *
 * <p>Wire form: {@code 4d 52 01} ("MR", format 1), one scheme byte ({@code 01} HPKE, {@code 02}
 * RSA-OAEP-256), then for HPKE the 32-byte encapsulated key and the 48-byte ciphertext and tag, for
 * RSA the OAEP ciphertext.
 */
final class RecoveryCipher {

    static final byte[] MAGIC = {0x4D, 0x52, 0x01};
    static final byte HPKE_X25519 = 0x01;
    static final byte RSA_OAEP_256 = 0x02;
    /** HPKE's info, and the start of the OAEP label. */
    static final byte[] INFO = "messer recovery wrap 1".getBytes(StandardCharsets.US_ASCII);
    private static final int X25519_ENC = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCipher() {
    }

    private static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }

    static byte[] seal(AsymmetricKeyParameter publicKey, byte[] plaintext, byte[] binding) {
        try {
            if (publicKey instanceof X25519PublicKeyParameters) {
                byte[][] sealed = hpke().seal(publicKey, INFO, binding, plaintext, null, null, null);
                return frame(HPKE_X25519, sealed[1], sealed[0]);
            }
            OAEPEncoding oaep = oaep(binding);
            oaep.init(true, new ParametersWithRandom(publicKey, RANDOM));
            return frame(RSA_OAEP_256, new byte[0], oaep.processBlock(plaintext, 0, plaintext.length));
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("the recovery wrap could not be made", e);
        }
    }

    /**
     * @return the plaintext; the caller owns it and wipes it
     * @throws IntegrityException when the wrap was not made for {@code binding} under this key, or is damaged
     */
    static byte[] open(AsymmetricKeyParameter privateKey, byte[] wrapped, byte[] binding, String what) {
        if (wrapped.length < MAGIC.length + 2 || !Arrays.equals(Arrays.copyOf(wrapped, MAGIC.length), MAGIC)) {
            throw new IntegrityException(what + " is not a recovery wrap of format 1");
        }
        byte scheme = wrapped[MAGIC.length];
        int start = MAGIC.length + 1;
        try {
            if (scheme == HPKE_X25519 && privateKey instanceof X25519PrivateKeyParameters x25519) {
                if (wrapped.length < start + X25519_ENC) {
                    throw new IntegrityException(what + " is too short for an HPKE wrap");
                }
                byte[] enc = Arrays.copyOfRange(wrapped, start, start + X25519_ENC);
                byte[] ct = Arrays.copyOfRange(wrapped, start + X25519_ENC, wrapped.length);
                return hpke().open(enc, new AsymmetricCipherKeyPair(x25519.generatePublicKey(), x25519), INFO, binding,
                        ct, null, null, null);
            }
            if (scheme == RSA_OAEP_256 && privateKey instanceof RSAKeyParameters) {
                OAEPEncoding oaep = oaep(binding);
                oaep.init(false, privateKey);
                return oaep.processBlock(wrapped, start, wrapped.length - start);
            }
        } catch (InvalidCipherTextException | IllegalArgumentException | IllegalStateException e) {
            throw new IntegrityException(what + " does not open with this private key for this key version: it was "
                    + "made under another recovery key, for another version, or was damaged");
        }
        throw new IntegrityException(what + " was made for a " + (scheme == HPKE_X25519 ? "X25519" : "RSA")
                + " recovery key, not for this private key");
    }

    private static OAEPEncoding oaep(byte[] binding) {
        byte[] label = ByteBuffer.allocate(INFO.length + binding.length).put(INFO).put(binding).array();
        return new OAEPEncoding(new RSABlindedEngine(), new SHA256Digest(), new SHA256Digest(), label);
    }

    private static byte[] frame(byte scheme, byte[] first, byte[] second) {
        return ByteBuffer.allocate(MAGIC.length + 1 + first.length + second.length)
                .put(MAGIC).put(scheme).put(first).put(second).array();
    }
}
