package dev.messer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.ConfigException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration lock sits on a file of its own beside the config, which is never read or
 * replaced, so reading and replacing the config cannot drop it ({@code ConfigureProcessRaceIT}
 * races real processes).
 */
class ConfigFileLockTest {

    @TempDir
    Path dir;

    @Test
    void lockFile_isBesideTheConfig_private_andKept_andFreeAfterTheAction() throws IOException {
        Path config = dir.resolve("cfg/messer.ini");
        Path lockFile = dir.resolve("cfg/.messer.ini.lock");

        // the action reads and replaces the config: on Linux closing any descriptor of a file drops
        // the process's record locks on it, which is why the lock is on another file (not opened here)
        String seen = ConfigFileLock.holding(config, () -> {
            assertThat(lockFile).isRegularFile();
            try {
                Files.writeString(config, "[messer]\n");
                return Files.readString(config).isEmpty() ? "empty" : "ran";
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        assertThat(seen).isEqualTo("ran");
        assertThat(lockFile).isRegularFile().isEmptyFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lockFile))).isEqualTo("rw-------");
        try (FileChannel after = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            assertThat(after.tryLock()).as("released after the action").isNotNull();
        }
    }

    @Test
    void nestedHolding_ofTheSameFile_underAnotherSpelling_runsInsideTheOuterLock() throws IOException {
        Path config = dir.resolve("messer.ini");
        Path alias = Files.createSymbolicLink(dir.resolve("alias"), dir);
        Path otherSpelling = alias.resolve("messer.ini");
        String inner = ConfigFileLock.holding(config, () -> ConfigFileLock.holding(otherSpelling, () -> "inner"));
        assertThat(inner).isEqualTo("inner");
    }

    @Test
    void lockFileThatIsASymbolicLink_isRefused_andNothingIsCreatedAtItsTarget() throws IOException {
        Path target = dir.resolve("elsewhere/planted");
        Files.createSymbolicLink(dir.resolve(".messer.ini.lock"), target);

        assertThatThrownBy(() -> ConfigFileLock.holding(dir.resolve("messer.ini"), () -> "ran"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("lock file " + dir.toRealPath().resolve(".messer.ini.lock") + " is a symbolic link; remove "
                        + "it with 'rm " + dir.toRealPath().resolve(".messer.ini.lock") + "' and run the command again");
        assertThat(target).doesNotExist();
    }

    @Test
    void lockFileThatIsAFolder_isRefused() throws IOException {
        Files.createDirectory(dir.resolve(".messer.ini.lock"));
        assertThatThrownBy(() -> ConfigFileLock.holding(dir.resolve("messer.ini"), () -> "ran"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("cannot lock config file ");
    }
}
