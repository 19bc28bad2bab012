package dev.messer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.AccessDeniedException;
import dev.messer.files.FileTrust;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration file names the folders, buckets and endpoints every command uses, so one that
 * someone else could have written is refused, as ssh refuses its own configuration.
 */
class ConfigFileTrustTest {

    @TempDir
    Path dir;

    private Path file(String mode) throws IOException {
        Path file = dir.resolve("messer.ini");
        Files.writeString(file, "[profile local]\nprovider = local\nlocal_root = /srv/attacker\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private static long owner(Path file) throws IOException {
        return ((Number) Files.getAttribute(file, "unix:uid")).longValue();
    }

    @Test
    void writableByOthers_isRefusedWithChmodFix() throws IOException {
        Path file = file("rw-rw-rw-");
        assertThatThrownBy(() -> IniFile.load(file)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("config file " + file + " is writable by others; run 'chmod o-w " + file + "'");
    }

    @Test
    void ownedByAnotherUserThanCallerOrRoot_isRefused() throws IOException {
        Path file = file("rw-r--r--");
        if (owner(file) == 0) {
            Files.setAttribute(file, "unix:uid", 4242);
        }
        long owner = owner(file);
        assertThatThrownBy(() -> IniFile.load(file, new FileTrust(owner + 1))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("config file " + file + " is owned by uid " + owner)
                .hasMessageContaining("cp " + file);
    }

    @Test
    void ownedByRoot_isAccepted_asInEtcOrAContainer() {
        Path etc = Path.of("/etc/passwd");
        assertThat(new FileTrust(4242).checkConfig(etc)).isEqualTo(FileTrust.ConfigVerdict.TRUSTED);
    }

    @Test
    void groupWritable_isReadButFlaggedForAWarning_asAnUmask002CheckoutIs() throws IOException {
        IniFile ini = IniFile.load(file("rw-rw-r--"));
        assertThat(ini.groupWritable()).isTrue();
        assertThat(ini.section("profile local")).containsEntry("provider", "local");
    }

    @Test
    void ownerOnlyOrWorldReadable_isTrustedWithoutWarning() throws IOException {
        assertThat(IniFile.load(file("rw-------")).groupWritable()).isFalse();
        assertThat(IniFile.load(file("rw-r--r--")).groupWritable()).isFalse();
    }
}
