package dev.messer.recovery;

import dev.messer.crypto.DataKey;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.InvalidInputException;
import dev.messer.error.NotFoundException;
import dev.messer.files.FileTrust;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * The private half of a recovery key, read once from a PKCS#8 PEM file ({@code PRIVATE KEY}, or
 * {@code ENCRYPTED PRIVATE KEY} under a passphrase, as {@code openssl genpkey} writes them). The file
 * is refused when group or others may read or write it, and nothing of it is written anywhere; the
 * key lives only as long as the command that read it.
 */
public final class RecoveryPrivateKey {

    /** A private key file is small; anything larger is not one. */
    private static final long MAX_FILE_BYTES = 64 * 1024;

    private final AsymmetricKeyParameter key;
    private final RecoveryPublicKey publicHalf;

    private RecoveryPrivateKey(AsymmetricKeyParameter key, RecoveryPublicKey publicHalf) {
        this.key = key;
        this.publicHalf = publicHalf;
    }

    /**
     * Reads {@code file} once. {@code passphrase} is asked only when the file is encrypted; the
     * returned array is wiped here.
     */
    public static RecoveryPrivateKey read(Path file, Supplier<char[]> passphrase) {
        FileTrust.currentUser().requireSecretFile(file, "private key file");
        byte[] content = readCapped(file);
        try {
            String text = new String(content, StandardCharsets.US_ASCII);
            byte[] der = Pem.block(text, "PRIVATE KEY").orElse(null);
            if (der == null) {
                byte[] encrypted = Pem.block(text, "ENCRYPTED PRIVATE KEY").orElseThrow(() ->
                        new InvalidInputException("private key file " + file + " holds no PKCS#8 PEM private key "
                                + "(-----BEGIN PRIVATE KEY----- or -----BEGIN ENCRYPTED PRIVATE KEY-----)"));
                char[] typed = passphrase.get();
                try {
                    der = EncryptedPkcs8.decrypt(encrypted, typed, "private key file " + file);
                } finally {
                    Arrays.fill(typed, '\0');
                }
            }
            try {
                return of(PrivateKeyFactory.createKey(der), "private key file " + file);
            } catch (IOException | RuntimeException e) {
                throw new InvalidInputException("private key file " + file + " holds a key messer cannot read; a "
                        + "recovery key is X25519 or RSA");
            } finally {
                Arrays.fill(der, (byte) 0);
            }
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    static RecoveryPrivateKey of(AsymmetricKeyParameter key, String source) {
        AsymmetricKeyParameter publicKey;
        if (key instanceof X25519PrivateKeyParameters x25519) {
            publicKey = x25519.generatePublicKey();
        } else if (key instanceof RSAPrivateCrtKeyParameters rsa) {
            publicKey = new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
        } else {
            throw new InvalidInputException(source + " holds a private key that is neither X25519 nor RSA");
        }
        return new RecoveryPrivateKey(key, RecoveryPublicKey.of(publicKey, source));
    }

    private static byte[] readCapped(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("private key file " + file + " is not a regular file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new InvalidInputException("private key file " + file + " is larger than a private key");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("private key file " + file + " does not exist; check the path");
        } catch (IOException e) {
            throw new AccessDeniedException("cannot read private key file " + file + ": " + e.getMessage());
        }
    }

    /** The public half: its fingerprint is checked against the profile's pin. */
    public RecoveryPublicKey publicKey() {
        return publicHalf;
    }

    /**
     * Opens a recovery wrap made for {@code binding}; the caller owns the key.
     *
     * @param what the wrap's object, for messages
     */
    DataKey unwrap(byte[] wrapped, byte[] binding, String what) {
        byte[] material = RecoveryCipher.open(key, wrapped, binding, what);
        try {
            return DataKey.adopt(material);
        } catch (IllegalArgumentException e) {
            throw new dev.messer.error.IntegrityException(what + " holds a key of the wrong length");
        }
    }
}
