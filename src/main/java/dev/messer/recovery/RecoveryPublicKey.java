package dev.messer.recovery;

import dev.messer.crypto.DataKey;
import dev.messer.error.Hint;
import dev.messer.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * A recovery public key: X25519, or RSA of at least {@value #MIN_RSA_BITS} bits, read from PEM
 * ({@code -----BEGIN PUBLIC KEY-----}, as {@code openssl pkey -pubout} and {@code messer recovery
 * keygen} write it). Its fingerprint is {@code SHA256:} and the unpadded base64 of the SHA-256 of
 * its DER SubjectPublicKeyInfo, re-encoded, so that one key has one fingerprint.
 */
public final class RecoveryPublicKey {

    public static final int MIN_RSA_BITS = 3072;
    static final String PEM_LABEL = "PUBLIC KEY";

    private final AsymmetricKeyParameter key;
    private final byte[] der;

    private RecoveryPublicKey(AsymmetricKeyParameter key, byte[] der) {
        this.key = key;
        this.der = der;
    }

    /**
     * @param source where the text came from, for messages
     * @throws InvalidInputException when the text holds no public key, or one of another kind or too small
     */
    public static RecoveryPublicKey fromPem(String text, String source) {
        byte[] der = Pem.block(text, PEM_LABEL).orElseThrow(() -> new InvalidInputException(source
                + " holds no PEM public key (-----BEGIN PUBLIC KEY-----)", Hint.text("make a key pair with "
                + "'messer recovery keygen recovery-private.pem recovery-public.pem'")));
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(der);
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(source + " holds a public key messer cannot read; use an X25519 key or an "
                    + "RSA key of " + MIN_RSA_BITS + " bits or more");
        }
        return of(key, source);
    }

    static RecoveryPublicKey of(AsymmetricKeyParameter key, String source) {
        if (key instanceof RSAKeyParameters rsa && !rsa.isPrivate()) {
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new InvalidInputException(source + " holds an RSA key of " + rsa.getModulus().bitLength()
                        + " bits; a recovery key needs " + MIN_RSA_BITS + " bits or more (or use X25519)");
            }
        } else if (!(key instanceof X25519PublicKeyParameters)) {
            throw new InvalidInputException(source + " holds a public key that is neither X25519 nor RSA; "
                    + "a recovery key is one of these");
        }
        try {
            return new RecoveryPublicKey(key, SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded());
        } catch (IOException e) {
            throw new InvalidInputException(source + " holds a public key that cannot be encoded again");
        }
    }

    /** {@code SHA256:<base64>}, as pinned in {@code recovery_key_fingerprint}. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** "X25519 (HPKE)" or "RSA-3072 (RSA-OAEP-256)", for messages. */
    public String describe() {
        return key instanceof RSAKeyParameters rsa ? "RSA-" + rsa.getModulus().bitLength() + " (RSA-OAEP-256)"
                : "X25519 (HPKE)";
    }

    public String toPem() {
        return Pem.encode(PEM_LABEL, der);
    }

    public byte[] toPemBytes() {
        return toPem().getBytes(StandardCharsets.US_ASCII);
    }

    /** The break-glass wrap of {@code dataKey}, bound to {@code binding}. */
    byte[] wrap(DataKey dataKey, byte[] binding) {
        return dataKey.withMaterialForWrapping(material -> RecoveryCipher.seal(key, material, binding));
    }
}
