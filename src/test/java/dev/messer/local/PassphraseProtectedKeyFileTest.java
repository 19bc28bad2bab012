package dev.messer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.IntegrityException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The passphrase-protected master key file: format, right and wrong passphrases, tampering, wiping. */
class PassphraseProtectedKeyFileTest {

    /** Cheap costs for tests; the format stores them, so opening uses whatever the file says. */
    private static final Argon2idParameters CHEAP = new Argon2idParameters(64, 1, 1);
    private static final EncryptionContext CONTEXT = EncryptionContext.parse("app=test");

    @TempDir
    Path temp;

    private Path file;
    private final List<char[]> handedOut = new ArrayList<>();

    @BeforeEach
    void setUp() {
        file = temp.resolve("master-keys").resolve("p.key");
    }

    private PassphraseSource passphrase(String text) {
        return keyFile -> {
            char[] chars = text.toCharArray();
            handedOut.add(chars);
            return chars;
        };
    }

    @Test
    void protectedFile_hasTheDocumentedLayoutAndOwnerOnlyMode() throws Exception {
        LocalMasterKeyFile.createProtected(file, "correct horse".toCharArray(), CHEAP);
        byte[] content = Files.readAllBytes(file);
        assertThat(content).hasSize(6 + 12 + 16 + 12 + 32 + 16);
        assertThat(Arrays.copyOf(content, 6)).containsExactly('M', 'S', 'R', 'K', 1, 1);
        ByteBuffer costs = ByteBuffer.wrap(content, 6, 12);
        assertThat(new int[] {costs.getInt(), costs.getInt(), costs.getInt()}).containsExactly(64, 1, 1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(LocalMasterKeyFile.isProtected(file)).isTrue();
    }

    @Test
    void rightPassphrase_opensAKeyThatWrapsAndUnwraps() {
        LocalMasterKeyFile.createProtected(file, "correct horse".toCharArray(), CHEAP);
        byte[] wrapped;
        try (LocalMasterKey key = LocalMasterKeyFile.open(file, passphrase("correct horse"))) {
            wrapped = key.generateWrappedDataKey(CONTEXT);
        }
        try (LocalMasterKey again = LocalMasterKeyFile.open(file, passphrase("correct horse"));
             DataKey dataKey = again.unwrap(wrapped, CONTEXT)) {
            assertThat(dataKey.isDestroyed()).isFalse();
        }
    }

    @Test
    void wrongPassphrase_isRefusedWithOneLineNamingTheFile() {
        LocalMasterKeyFile.createProtected(file, "correct horse".toCharArray(), CHEAP);
        assertThatThrownBy(() -> LocalMasterKeyFile.open(file, passphrase("battery staple")))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("wrong passphrase for master key file " + file + " (or the file was altered); check "
                        + "MESSER_PASSPHRASE or type it again");
    }

    @Test
    void passphraseArrays_areWipedAfterUse_rightOrWrong() {
        LocalMasterKeyFile.createProtected(file, "correct horse".toCharArray(), CHEAP);
        LocalMasterKeyFile.open(file, passphrase("correct horse")).close();
        assertThatThrownBy(() -> LocalMasterKeyFile.open(file, passphrase("wrong")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(handedOut).hasSize(2).allSatisfy(chars -> assertThat(chars).containsOnly('\0'));
    }

    @Test
    void protectedFile_withNoPassphraseAvailable_isRefusedWithTheFix() {
        LocalMasterKeyFile.createProtected(file, "pw".toCharArray(), CHEAP);
        assertThatThrownBy(() -> LocalMasterKeyFile.open(file))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("master key file " + file + " is protected by a passphrase; set MESSER_PASSPHRASE or "
                        + "run on a terminal");
    }

    @Test
    void passphraseFromTheEnvironment_opensTheFile() {
        LocalMasterKeyFile.createProtected(file, "from env".toCharArray(), CHEAP);
        byte[] wrapped;
        try (LocalMasterKey typed = LocalMasterKeyFile.open(file, f -> "from env".toCharArray())) {
            wrapped = typed.generateWrappedDataKey(CONTEXT);
        }
        try (LocalMasterKey fromEnv = LocalMasterKeyFile.open(file,
                PassphraseSource.fromEnvironment(Map.of("MESSER_PASSPHRASE", "from env")));
             DataKey key = fromEnv.unwrap(wrapped, CONTEXT)) {
            assertThat(key).as("the variable's passphrase opens the same master key").isNotNull();
        }
        assertThatThrownBy(() -> LocalMasterKeyFile.open(file,
                PassphraseSource.fromEnvironment(Map.of("MESSER_PASSPHRASE", "another")))).isInstanceOf(AccessDeniedException.class)
                .hasMessageStartingWith("wrong passphrase for master key file " + file);
    }

    @Test
    void protectingAnExistingKey_keepsTheKeySoOldWrappedKeysStillOpen() throws Exception {
        LocalMasterKeyFile.create(file);
        byte[] plainKey = Arrays.copyOfRange(Files.readAllBytes(file), 6, 38);
        byte[] wrapped;
        try (LocalMasterKey before = LocalMasterKeyFile.open(file)) {
            wrapped = before.generateWrappedDataKey(CONTEXT);
        }
        LocalMasterKeyFile.protect(file, "pw".toCharArray(), CHEAP);
        byte[] content = Files.readAllBytes(file);
        assertThat(content[5]).isEqualTo((byte) 1);
        assertThat(indexOf(content, plainKey)).as("the key bytes no longer appear in the file").isNegative();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (java.util.stream.Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactly("p.key");
        }
        try (LocalMasterKey after = LocalMasterKeyFile.open(file, passphrase("pw"));
             DataKey dataKey = after.unwrap(wrapped, CONTEXT)) {
            assertThat(dataKey.isDestroyed()).isFalse();
        }
    }

    /** Opens a protected file by following docs/format.md alone (Bouncy Castle and the JDK, none of the tool's code). */
    @Test
    void protectedFile_opensByTheDocumentedFormatAlone() throws Exception {
        LocalMasterKeyFile.create(file);
        byte[] plainKey = Arrays.copyOfRange(Files.readAllBytes(file), 6, 38);
        LocalMasterKeyFile.protect(file, "pässword".toCharArray(), CHEAP);
        byte[] content = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(content);
        int memory = in.getInt(6);
        int passes = in.getInt(10);
        int lanes = in.getInt(14);
        byte[] salt = Arrays.copyOfRange(content, 18, 34);
        byte[] nonce = Arrays.copyOfRange(content, 34, 46);
        org.bouncycastle.crypto.generators.Argon2BytesGenerator argon2 =
                new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
        argon2.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory).withIterations(passes).withParallelism(lanes).withSalt(salt).build());
        byte[] sealingKey = new byte[32];
        argon2.generateBytes("pässword".getBytes(java.nio.charset.StandardCharsets.UTF_8), sealingKey);
        javax.crypto.Cipher gcm = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(sealingKey, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        gcm.updateAAD(content, 0, 34);
        assertThat(gcm.doFinal(content, 46, 48)).isEqualTo(plainKey);
        assertThat(content).hasSize(94);
    }

    @Test
    void protectingAProtectedKey_isRefused() {
        LocalMasterKeyFile.createProtected(file, "pw".toCharArray(), CHEAP);
        assertThatThrownBy(() -> LocalMasterKeyFile.protect(file, "other".toCharArray(), CHEAP))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("already protected");
    }

    @Test
    void alteredCostsOrSalt_makeTheFileFailToOpen() throws Exception {
        LocalMasterKeyFile.createProtected(file, "pw".toCharArray(), CHEAP);
        byte[] original = Files.readAllBytes(file);
        for (int offset : new int[] {9, 13, 17, 18, 33, 40, 60, original.length - 1}) {
            byte[] altered = original.clone();
            altered[offset] ^= 0x01;
            Files.write(file, altered);
            assertThatThrownBy(() -> LocalMasterKeyFile.open(file, passphrase("pw"))).as("byte %d", offset)
                    .isInstanceOfAny(AccessDeniedException.class, IntegrityException.class);
        }
    }

    @Test
    void hostileCosts_areRefusedBeforeAnyMemoryIsTaken() throws Exception {
        LocalMasterKeyFile.createProtected(file, "pw".toCharArray(), CHEAP);
        byte[] content = Files.readAllBytes(file);
        ByteBuffer.wrap(content).putInt(6, Integer.MAX_VALUE);
        Files.write(file, content);
        assertThatThrownBy(() -> LocalMasterKeyFile.open(file, passphrase("pw")))
                .isInstanceOf(IntegrityException.class)
                .hasMessageStartingWith("master key file " + file + " is corrupted: Argon2id costs out of range");
    }

    @Test
    void truncatedProtectedFile_isNotAKeyFile_andNoPassphraseIsAskedFor() throws Exception {
        LocalMasterKeyFile.createProtected(file, "pw".toCharArray(), CHEAP);
        byte[] content = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(content, content.length - 1));
        assertThatThrownBy(() -> LocalMasterKeyFile.open(file, keyFile -> {
            throw new AssertionError("asked for a passphrase for a damaged file");
        }))
                .isInstanceOf(IntegrityException.class).hasMessageContaining("is not a messer local master key");
    }

    @Test
    void unknownProtectionByte_isRefusedNamingIt() throws Exception {
        LocalMasterKeyFile.create(file);
        byte[] content = Files.readAllBytes(file);
        content[5] = 7;
        Files.write(file, content);
        assertThatThrownBy(() -> LocalMasterKeyFile.open(file))
                .isInstanceOf(IntegrityException.class).hasMessageContaining("uses protection 7");
    }

    @Test
    void differentPassphrasesOrSalts_deriveDifferentKeys() {
        byte[] salt = new byte[16];
        try (DataKey a = CHEAP.derive("one".toCharArray(), salt);
             DataKey b = CHEAP.derive("two".toCharArray(), salt);
             DataKey c = CHEAP.derive("one".toCharArray(), new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
             DataKey d = CHEAP.derive("one".toCharArray(), salt)) {
            byte[] ka = a.withMaterialForWrapping(byte[]::clone);
            assertThat(b.withMaterialForWrapping(byte[]::clone)).isNotEqualTo(ka);
            assertThat(c.withMaterialForWrapping(byte[]::clone)).isNotEqualTo(ka);
            assertThat(d.withMaterialForWrapping(byte[]::clone)).isEqualTo(ka);
        }
    }

    @Test
    void nonAsciiPassphrase_isEncodedAsUtf8() {
        assertThat(Argon2idParameters.utf8("pässwörd€".toCharArray()))
                .isEqualTo("pässwörd€".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void costsOutOfRange_areRefused() {
        assertThatThrownBy(() -> new Argon2idParameters(Argon2idParameters.MAX_MEMORY_KIB + 1, 1, 1))
                .isInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> new Argon2idParameters(64, 0, 1)).isInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> new Argon2idParameters(64, 1, 0)).isInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> new Argon2idParameters(8, 1, 2)).isInstanceOf(IntegrityException.class);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
