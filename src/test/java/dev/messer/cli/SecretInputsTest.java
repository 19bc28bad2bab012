package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.AccessDeniedException;
import dev.messer.exec.ChildEnvironment;
import dev.messer.files.FileTrust;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The passphrase and MFA code from a variable, a descriptor or a file (the descriptor handed on by
 * bin/messer itself is proven through the launcher, in tests/scenarios/secrets-out-of-children.sh).
 */
class SecretInputsTest {

    @TempDir
    Path temp;

    private static Map<String, String> read(Map<String, String> process) {
        return new SecretInputs(process, Path.of("/dev/fd"), FileTrust.currentUser()).read();
    }

    private Path secretFile(String content, String mode) throws IOException {
        Path file = temp.resolve("passphrase-" + mode);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void variable_isTakenAsItIs_andTheRestOfTheEnvironmentStays() {
        Map<String, String> env = read(Map.of("MESSER_PASSPHRASE", "pass phrase\n", "MESSER_MFA_TOKEN", "123456",
                "HOME", "/home/u"));
        assertThat(env).containsEntry("MESSER_PASSPHRASE", "pass phrase\n").containsEntry("MESSER_MFA_TOKEN", "123456")
                .containsEntry("HOME", "/home/u");
    }

    @Test
    void file_givesItsTextWithoutOneFinalLineBreak() throws IOException {
        assertThat(read(Map.of("MESSER_PASSPHRASE_FILE", secretFile("grüße aus Köln\n", "rw-------").toString())))
                .containsEntry("MESSER_PASSPHRASE", "grüße aus Köln");
        assertThat(read(Map.of("MESSER_PASSPHRASE_FILE", secretFile("windows line\r\n", "r--------").toString())))
                .containsEntry("MESSER_PASSPHRASE", "windows line");
    }

    @Test
    void file_thatGroupOrOthersCanRead_isRefusedWithTheFix() throws IOException {
        Path open = secretFile("passphrase\n", "rw-r--r--");
        assertThatThrownBy(() -> read(Map.of("MESSER_PASSPHRASE_FILE", open.toString())))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("MESSER_PASSPHRASE_FILE " + open + " is accessible by group or others (mode rw-r--r--); "
                        + "run 'chmod 600 " + open + "'");
        Path groupWritable = secretFile("passphrase\n", "rw--w----");
        assertThatThrownBy(() -> read(Map.of("MESSER_PASSPHRASE_FILE", groupWritable.toString())))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("chmod 600");
    }

    @Test
    void file_reachedThroughALink_isJudgedByWhatItLinksTo() throws IOException {
        Path open = secretFile("passphrase\n", "rw-r--r--");
        Path link = Files.createSymbolicLink(temp.resolve("link"), open);
        assertThatThrownBy(() -> read(Map.of("MESSER_PASSPHRASE_FILE", link.toString())))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("accessible by group or others");
    }

    @Test
    void file_missingEmptyOrHuge_isAUsageErrorNamingIt() throws IOException {
        Path missing = temp.resolve("missing");
        assertThatThrownBy(() -> read(Map.of("MESSER_PASSPHRASE_FILE", missing.toString())))
                .isInstanceOf(UsageException.class)
                .hasMessage("MESSER_PASSPHRASE_FILE " + missing + " does not exist; check the path");
        Path empty = secretFile("\n", "rw-------");
        assertThatThrownBy(() -> read(Map.of("MESSER_PASSPHRASE_FILE", empty.toString())))
                .isInstanceOf(UsageException.class).hasMessageContaining("gives an empty secret");
        Path huge = secretFile("x".repeat(SecretInputs.MAX_BYTES + 1), "rw-------");
        assertThatThrownBy(() -> read(Map.of("MESSER_PASSPHRASE_FILE", huge.toString())))
                .isInstanceOf(UsageException.class).hasMessageContaining("holds more than 65536 bytes");
    }

    @Test
    void twoWaysForOneSecret_areAUsageError() throws IOException {
        String file = secretFile("passphrase\n", "rw-------").toString();
        assertThatThrownBy(() -> read(Map.of("MESSER_PASSPHRASE", "p", "MESSER_PASSPHRASE_FILE", file)))
                .isInstanceOf(UsageException.class)
                .hasMessage("MESSER_PASSPHRASE and MESSER_PASSPHRASE_FILE are both set; unset all but one of them");
        assertThatThrownBy(() -> read(Map.of("MESSER_MFA_TOKEN", "1", "MESSER_MFA_TOKEN_FD", "0")))
                .isInstanceOf(UsageException.class).hasMessageContaining("MESSER_MFA_TOKEN and MESSER_MFA_TOKEN_FD");
        assertThat(read(Map.of("MESSER_PASSPHRASE", "", "MESSER_PASSPHRASE_FILE", file)))
                .as("an empty variable counts as unset").containsEntry("MESSER_PASSPHRASE", "passphrase");
    }

    @Test
    void descriptor_thatIsNoNumberOrNotOpen_isAUsageErrorWithTheForm() {
        assertThatThrownBy(() -> read(Map.of("MESSER_PASSPHRASE_FD", "3<x")))
                .isInstanceOf(UsageException.class)
                .hasMessage("MESSER_PASSPHRASE_FD is not a descriptor number; give one open for reading, as in "
                        + "'MESSER_PASSPHRASE_FD=3 messer ... 3<FILE'");
        assertThatThrownBy(() -> read(Map.of("MESSER_MFA_TOKEN_FD", "987654")))
                .isInstanceOf(UsageException.class)
                .hasMessage("MESSER_MFA_TOKEN_FD=987654 names no open descriptor; open it for messer, as in "
                        + "'MESSER_MFA_TOKEN_FD=987654 messer ... 987654<FILE'");
    }

    @Test
    void everyVariableRead_isKeptFromEveryChild() {
        assertThat(ChildEnvironment.SECRET_VARIABLES).containsAll(SecretInputs.VARIABLES);
        Map<String, String> caller = new java.util.HashMap<>();
        SecretInputs.VARIABLES.forEach(name -> caller.put(name, "x"));
        caller.put("KEPT", "y");
        assertThat(ChildEnvironment.inherited(caller)).containsOnly(Map.entry("KEPT", "y"));
    }
}
