package dev.messer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.IntegrityException;
import dev.messer.error.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMasterKeyFileTest {

    @TempDir
    Path root;

    @Test
    void pathFor_isMasterKeysFolderAndNameDotKey() {
        assertThat(LocalMasterKeyFile.pathFor(root, "default")).isEqualTo(root.resolve("master-keys/default.key"));
    }

    @Test
    void create_writesA0600FileInA0700Folder() throws IOException {
        Path file = LocalMasterKeyFile.pathFor(root, "default");
        LocalMasterKeyFile.create(file);
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
        assertThat(LocalMasterKeyFile.exists(file)).isTrue();
    }

    @Test
    void create_writesHeaderThen32KeyBytes() throws IOException {
        Path file = LocalMasterKeyFile.pathFor(root, "default");
        LocalMasterKeyFile.create(file);
        byte[] content = Files.readAllBytes(file);
        assertThat(content).hasSize(38);
        assertThat(Arrays.copyOf(content, 6)).containsExactly('M', 'S', 'R', 'K', 0x01, 0x00);
    }

    @Test
    void create_twice_failsAndKeepsTheFirstKey() throws IOException {
        Path file = LocalMasterKeyFile.pathFor(root, "default");
        LocalMasterKeyFile.create(file);
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> LocalMasterKeyFile.create(file))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("already exists");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void open_readsTheKeyThatCreateWrote_soWrappedKeysSurviveReopening() {
        Path file = LocalMasterKeyFile.pathFor(root, "default");
        LocalMasterKeyFile.create(file);
        EncryptionContext context = EncryptionContext.parse("a=1");
        byte[] wrapped;
        try (LocalMasterKey first = LocalMasterKeyFile.open(file)) {
            wrapped = first.generateWrappedDataKey(context);
        }
        try (LocalMasterKey again = LocalMasterKeyFile.open(file); DataKey key = again.unwrap(wrapped, context)) {
            assertThat(key.isDestroyed()).isFalse();
            assertThat(again.describe()).contains(file.toString());
        }
    }

    @Test
    void open_ofADifferentKeyFile_cannotUnwrap() {
        Path a = LocalMasterKeyFile.pathFor(root, "a");
        Path b = LocalMasterKeyFile.pathFor(root, "b");
        LocalMasterKeyFile.create(a);
        LocalMasterKeyFile.create(b);
        try (LocalMasterKey keyA = LocalMasterKeyFile.open(a); LocalMasterKey keyB = LocalMasterKeyFile.open(b)) {
            byte[] wrapped = keyA.generateWrappedDataKey(EncryptionContext.empty());
            assertThatThrownBy(() -> keyB.unwrap(wrapped, EncryptionContext.empty()))
                    .isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void open_refusesAGroupReadableFile_namingChmod() throws IOException {
        Path file = LocalMasterKeyFile.pathFor(root, "default");
        LocalMasterKeyFile.create(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> LocalMasterKeyFile.open(file))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("group or others").hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void open_refusesAnOtherReadableOrWritableFile() throws IOException {
        Path file = LocalMasterKeyFile.pathFor(root, "default");
        LocalMasterKeyFile.create(file);
        for (String mode : new String[] {"rw----r--", "rw-----w-", "rw--w----"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            assertThatThrownBy(() -> LocalMasterKeyFile.open(file)).as(mode)
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("chmod 600");
        }
    }

    @Test
    void open_acceptsAnOwnerReadOnlyFile() throws IOException {
        Path file = LocalMasterKeyFile.pathFor(root, "default");
        LocalMasterKeyFile.create(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        try (LocalMasterKey key = LocalMasterKeyFile.open(file)) {
            assertThat(key.describe()).contains("default.key");
        }
    }

    @Test
    void open_ofAMissingFile_saysRestoreFromBackup_neverCreate() {
        Path file = LocalMasterKeyFile.pathFor(root, "absent");
        assertThatThrownBy(() -> LocalMasterKeyFile.open(file))
                .isInstanceOf(NotFoundException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("restore it from your backup")
                .message().doesNotContain("create").doesNotContain("configure");
    }

    @Test
    void open_refusesAKeyFileThatIsASymlink_evenToAValidKey() throws IOException {
        Path elsewhere = root.resolve("elsewhere/other.key");
        LocalMasterKeyFile.create(elsewhere);
        Path file = LocalMasterKeyFile.pathFor(root, "default");
        Files.createDirectories(file.getParent());
        Files.createSymbolicLink(file, elsewhere);
        assertThatThrownBy(() -> LocalMasterKeyFile.open(file))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("symbolic link")
                .hasMessageContaining("rm " + file);
    }

    @Test
    void open_refusesAMasterKeysFolderThatIsASymlink() throws IOException {
        Path elsewhere = root.resolve("other-keys");
        LocalMasterKeyFile.create(elsewhere.resolve("default.key"));
        Files.createDirectories(root);
        Files.createSymbolicLink(root.resolve(LocalMasterKeyFile.FOLDER), elsewhere);
        assertThatThrownBy(() -> LocalMasterKeyFile.open(LocalMasterKeyFile.pathFor(root, "default")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("symbolic link");
    }

    @Test
    void open_refusesAGroupWritableMasterKeysFolderOrLocalRoot_namingChmod() throws IOException {
        Path file = LocalMasterKeyFile.pathFor(root, "default");
        LocalMasterKeyFile.create(file);
        for (Path folder : new Path[] {file.getParent(), root}) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwx---"));
            assertThatThrownBy(() -> LocalMasterKeyFile.open(file)).as(folder.toString())
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("chmod go-w " + folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void checkTrusted_refusesAKeyFileOwnedByAnotherUser() throws IOException {
        Path file = LocalMasterKeyFile.pathFor(root, "default");
        LocalMasterKeyFile.create(file);
        long owner = ((Number) Files.getAttribute(file, "unix:uid")).longValue();
        assertThatThrownBy(() -> LocalMasterKeyFile.checkTrusted(file, new dev.messer.files.FileTrust(owner + 1)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("owned by uid " + owner)
                .hasMessageContaining("chown");
    }

    @Test
    void open_ofAMalformedFile_failsIntegrity() throws IOException {
        Path file = writePrivate("short.key", new byte[] {'M', 'S', 'R', 'K', 1, 0, 1, 2, 3});
        assertThatThrownBy(() -> LocalMasterKeyFile.open(file))
                .isInstanceOf(IntegrityException.class).hasMessageContaining("not a messer local master key");
        byte[] wrongHeader = new byte[38];
        wrongHeader[0] = 'X';
        Path other = writePrivate("header.key", wrongHeader);
        assertThatThrownBy(() -> LocalMasterKeyFile.open(other)).isInstanceOf(IntegrityException.class);
        byte[] passphraseProtected = new byte[38];
        System.arraycopy(LocalMasterKeyFile.HEADER, 0, passphraseProtected, 0, 6);
        passphraseProtected[5] = 0x01;
        Path protectedFile = writePrivate("protected.key", passphraseProtected);
        assertThatThrownBy(() -> LocalMasterKeyFile.open(protectedFile)).isInstanceOf(IntegrityException.class);
    }

    private Path writePrivate(String name, byte[] content) throws IOException {
        Path file = root.resolve(name);
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void checkIntact_acceptsWholeKeys_plainSealedOrOfAnUnknownProtection_andRefusesEmptyOrTruncatedOnes()
            throws IOException {
        Path plain = LocalMasterKeyFile.pathFor(root, "plain");
        LocalMasterKeyFile.create(plain);
        Path sealed = LocalMasterKeyFile.pathFor(root, "sealed");
        LocalMasterKeyFile.createProtected(sealed, "correct horse battery staple".toCharArray(), new Argon2idParameters(64, 1, 1));
        Path newer = Files.write(LocalMasterKeyFile.pathFor(root, "newer"), new byte[] {'M', 'S', 'R', 'K', 1, 9, 1, 2});
        LocalMasterKeyFile.checkIntact(plain);
        LocalMasterKeyFile.checkIntact(sealed);
        LocalMasterKeyFile.checkIntact(newer);

        Files.write(sealed, Arrays.copyOf(Files.readAllBytes(sealed), 40));
        Path empty = Files.write(LocalMasterKeyFile.pathFor(root, "empty"), new byte[0]);
        assertThatThrownBy(() -> LocalMasterKeyFile.checkIntact(sealed)).isInstanceOf(IntegrityException.class)
                .hasMessageStartingWith("master key file " + sealed + " is damaged (40 bytes)");
        assertThatThrownBy(() -> LocalMasterKeyFile.checkIntact(empty)).isInstanceOf(IntegrityException.class)
                .hasMessageStartingWith("master key file " + empty + " is empty, so it is not a messer local master key");
    }
}
