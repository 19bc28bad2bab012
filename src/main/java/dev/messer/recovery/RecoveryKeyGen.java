package dev.messer.recovery;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;

/**
 * Makes a recovery key pair, as {@code openssl genpkey -algorithm X25519} (or {@code RSA} with
 * {@code rsa_keygen_bits:3072}) would: the private key as PKCS#8 PEM, encrypted under a passphrase
 * when one is given, and the public key as SubjectPublicKeyInfo PEM.
 */
public final class RecoveryKeyGen {

    /** The private key's PEM and the public key. */
    public record Pair(byte[] privatePem, RecoveryPublicKey publicKey) {
        @Override
        public String toString() {
            return "Pair[" + publicKey.fingerprint() + "]";
        }
    }

    /** id-X25519 (RFC 8410). */
    private static final ASN1ObjectIdentifier ID_X25519 = new ASN1ObjectIdentifier("1.3.101.110");

    private RecoveryKeyGen() {
    }

    /** @param passphrase null for an unencrypted private key; not wiped here */
    public static Pair generate(boolean rsa, char[] passphrase) {
        SecureRandom random = new SecureRandom();
        AsymmetricCipherKeyPair pair;
        if (rsa) {
            RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
            generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), random,
                    RecoveryPublicKey.MIN_RSA_BITS, 128));
            pair = generator.generateKeyPair();
        } else {
            X25519KeyPairGenerator generator = new X25519KeyPairGenerator();
            generator.init(new X25519KeyGenerationParameters(random));
            pair = generator.generateKeyPair();
        }
        byte[] pkcs8;
        try {
            // version 1 of PKCS#8 without the public key, as openssl genpkey writes it (OpenSSL 3.0 reads no other)
            pkcs8 = rsa ? PrivateKeyInfoFactory.createPrivateKeyInfo(pair.getPrivate()).getEncoded()
                    : new PrivateKeyInfo(new AlgorithmIdentifier(ID_X25519), new DEROctetString(
                            ((X25519PrivateKeyParameters) pair.getPrivate()).getEncoded())).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the new private key", e);
        }
        try {
            String pem = passphrase == null ? Pem.encode("PRIVATE KEY", pkcs8)
                    : Pem.encode("ENCRYPTED PRIVATE KEY", EncryptedPkcs8.encrypt(pkcs8, passphrase));
            return new Pair(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    RecoveryPublicKey.of(pair.getPublic(), "the new key"));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }
}
