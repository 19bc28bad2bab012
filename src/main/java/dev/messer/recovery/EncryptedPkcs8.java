package dev.messer.recovery;

import dev.messer.error.AccessDeniedException;
import dev.messer.error.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Encrypted PKCS#8 (RFC 5958) under PBES2 (RFC 8018): PBKDF2 with HMAC-SHA-1, -256 or -512 and
 * AES-CBC, which is what {@code openssl genpkey -aes-256-cbc} writes. messer writes PBKDF2-HMAC-SHA-256
 * with {@value #ITERATIONS} iterations and AES-256-CBC.
 */
final class EncryptedPkcs8 {

    static final int ITERATIONS = 600_000;
    /** More iterations than this is a file made to stall the reader. */
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EncryptedPkcs8() {
    }

    static byte[] encrypt(byte[] pkcs8, char[] passphrase) {
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(iv);
        AlgorithmIdentifier prf = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);
        PBES2Parameters parameters = new PBES2Parameters(
                new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, new PBKDF2Params(salt, ITERATIONS, prf)),
                new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv)));
        byte[] sealed = run(true, pkcs8, passphrase, new SHA256Digest(), salt, ITERATIONS, 32, iv);
        try {
            return new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, parameters),
                    sealed).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the encrypted private key", e);
        }
    }

    static byte[] decrypt(byte[] der, char[] passphrase, String what) {
        PBES2Parameters parameters;
        EncryptedPrivateKeyInfo info;
        try {
            info = EncryptedPrivateKeyInfo.getInstance(der);
            if (!PKCSObjectIdentifiers.id_PBES2.equals(info.getEncryptionAlgorithm().getAlgorithm())) {
                throw new InvalidInputException(what + " is encrypted with a scheme other than PBES2; re-encrypt it "
                        + "with 'openssl pkcs8 -topk8 -v2 aes-256-cbc'");
            }
            parameters = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException(what + " is not an encrypted PKCS#8 private key");
        }
        if (!PKCSObjectIdentifiers.id_PBKDF2.equals(parameters.getKeyDerivationFunc().getAlgorithm())) {
            throw new InvalidInputException(what + " uses a key derivation other than PBKDF2");
        }
        PBKDF2Params kdf = PBKDF2Params.getInstance(parameters.getKeyDerivationFunc().getParameters());
        int iterations = kdf.getIterationCount().intValueExact();
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new InvalidInputException(what + " asks for " + iterations + " PBKDF2 iterations, outside 1 to "
                    + MAX_ITERATIONS);
        }
        ASN1ObjectIdentifier cipher = parameters.getEncryptionScheme().getAlgorithm();
        int keyBytes = cipher.equals(NISTObjectIdentifiers.id_aes256_CBC) ? 32
                : cipher.equals(NISTObjectIdentifiers.id_aes192_CBC) ? 24
                : cipher.equals(NISTObjectIdentifiers.id_aes128_CBC) ? 16 : -1;
        if (keyBytes < 0) {
            throw new InvalidInputException(what + " is encrypted with a cipher other than AES-CBC");
        }
        byte[] iv = ASN1OctetString.getInstance(parameters.getEncryptionScheme().getParameters()).getOctets();
        return run(false, info.getEncryptedData(), passphrase, digest(kdf.getPrf().getAlgorithm(), what),
                kdf.getSalt(), iterations, keyBytes, iv);
    }

    private static Digest digest(ASN1ObjectIdentifier prf, String what) {
        if (prf.equals(PKCSObjectIdentifiers.id_hmacWithSHA256)) {
            return new SHA256Digest();
        }
        if (prf.equals(PKCSObjectIdentifiers.id_hmacWithSHA512)) {
            return new SHA512Digest();
        }
        if (prf.equals(PKCSObjectIdentifiers.id_hmacWithSHA1)) {
            return new SHA1Digest();
        }
        throw new InvalidInputException(what + " uses a PBKDF2 hash other than SHA-1, SHA-256 or SHA-512");
    }

    private static byte[] run(boolean encrypt, byte[] input, char[] passphrase, Digest digest, byte[] salt,
                              int iterations, int keyBytes, byte[] iv) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] password = Arrays.copyOf(encoded.array(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digest);
        generator.init(password, salt, iterations);
        KeyParameter key = (KeyParameter) generator.generateDerivedParameters(keyBytes * 8);
        Arrays.fill(password, (byte) 0);
        BufferedBlockCipher cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(AESEngine.newInstance()),
                new PKCS7Padding());
        cipher.init(encrypt, new ParametersWithIV(key, iv));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        try {
            int length = cipher.processBytes(input, 0, input.length, out, 0);
            length += cipher.doFinal(out, length);
            byte[] result = Arrays.copyOf(out, length);
            Arrays.fill(out, (byte) 0);
            return result;
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, (byte) 0);
            throw new AccessDeniedException("wrong passphrase for the private key file");
        }
    }
}
