package dev.messer.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.keys.KeyRef;
import dev.messer.local.LocalBlobStore;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery key pairs, the break-glass wrap under each scheme, and the private key file's rules. */
class RecoveryKeysTest {

    @TempDir
    Path dir;

    private Path privateFile(RecoveryKeyGen.Pair pair, String mode) throws Exception {
        Path file = dir.resolve("private-" + System.nanoTime() + ".pem");
        Files.write(file, pair.privatePem());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private void roundTrip(boolean rsa, char[] passphrase) throws Exception {
        RecoveryKeyGen.Pair pair = RecoveryKeyGen.generate(rsa, passphrase);
        RecoveryStore store = new RecoveryStore(new LocalBlobStore(dir.resolve("keys")), "dev");
        RecoveryPublicKey publicKey = RecoveryPublicKey.fromPem(pair.publicKey().toPem(), "test");
        KeyRef ref = new KeyRef("app", 3);
        try (DataKey key = DataKey.random()) {
            store.writeWrap(ref, publicKey, key);
            RecoveryPrivateKey privateKey = RecoveryPrivateKey.read(privateFile(pair, "rw-------"),
                    () -> passphrase.clone());
            assertThat(privateKey.publicKey().fingerprint()).isEqualTo(publicKey.fingerprint());
            try (DataKey opened = store.openWrap(ref, privateKey)) {
                assertThat(opened.sameAs(key)).isTrue();
            }
            // bound to the key name, version and tier: the same bytes under another name do not open
            byte[] wrap = Files.readAllBytes(dir.resolve("keys/!recovery/app/3"));
            Files.createDirectories(dir.resolve("keys/!recovery/web"));
            Files.write(dir.resolve("keys/!recovery/web/3"), wrap);
            assertThatThrownBy(() -> store.openWrap(new KeyRef("web", 3), privateKey))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining("does not open");
            RecoveryStore otherTier = new RecoveryStore(new LocalBlobStore(dir.resolve("keys")), "prod");
            assertThatThrownBy(() -> otherTier.openWrap(ref, privateKey)).isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void x25519Hpke_wrapsAndOpens_boundToNameVersionAndTier() throws Exception {
        roundTrip(false, new char[0]);
    }

    @Test
    void rsaOaep256_underAnEncryptedPrivateKey_wrapsAndOpens() throws Exception {
        roundTrip(true, "correct horse battery".toCharArray());
    }

    @Test
    void aWrongPassphrase_isRefused() throws Exception {
        RecoveryKeyGen.Pair pair = RecoveryKeyGen.generate(false, "correct horse battery".toCharArray());
        Path file = privateFile(pair, "rw-------");
        assertThat(new String(pair.privatePem(), StandardCharsets.US_ASCII)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY");
        assertThatThrownBy(() -> RecoveryPrivateKey.read(file, "wrong horse battery"::toCharArray))
                .isInstanceOfAny(AccessDeniedException.class, InvalidInputException.class);
    }

    @Test
    void aPrivateKeyFileReadableByGroupOrOthers_isRefusedBeforeItIsRead() throws Exception {
        RecoveryKeyGen.Pair pair = RecoveryKeyGen.generate(false, null);
        for (String mode : new String[] {"rw-r-----", "rw----r--"}) {
            Path file = privateFile(pair, mode);
            assertThatThrownBy(() -> RecoveryPrivateKey.read(file, () -> {
                throw new AssertionError("no passphrase is asked for a refused file");
            })).isInstanceOf(AccessDeniedException.class).hasMessageContaining("chmod 600 " + file);
        }
    }

    @Test
    void anRsaKeyBelow3072Bits_isRefused() {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), new SecureRandom(), 2048, 64));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        assertThatThrownBy(() -> RecoveryPublicKey.of(pair.getPublic(), "small.pub"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2048 bits");
    }

    @Test
    void theFingerprintIsTheSha256OfTheKey_sameForTheSameKey() {
        RecoveryKeyGen.Pair pair = RecoveryKeyGen.generate(false, null);
        String fingerprint = pair.publicKey().fingerprint();
        assertThat(fingerprint).matches("SHA256:[A-Za-z0-9+/]{43}");
        assertThat(RecoveryPublicKey.fromPem("comment\n" + pair.publicKey().toPem(), "t").fingerprint())
                .isEqualTo(fingerprint);
        assertThat(RecoveryKeyGen.generate(false, null).publicKey().fingerprint()).isNotEqualTo(fingerprint);
    }

    @Test
    void aSwappedStoredKey_isRefusedAgainstThePin() {
        RecoveryStore store = new RecoveryStore(new LocalBlobStore(dir.resolve("keys")), "");
        RecoveryKeyGen.Pair pinned = RecoveryKeyGen.generate(false, null);
        store.storePublicKey(pinned.publicKey());
        assertThat(store.pinnedPublicKey(pinned.publicKey().fingerprint()).fingerprint())
                .isEqualTo(pinned.publicKey().fingerprint());
        store.storePublicKey(RecoveryKeyGen.generate(false, null).publicKey());
        assertThatThrownBy(() -> store.pinnedPublicKey(pinned.publicKey().fingerprint()))
                .isInstanceOf(IntegrityException.class).hasMessageContaining("it was replaced");
    }
}
