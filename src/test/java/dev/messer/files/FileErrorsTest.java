package dev.messer.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileErrorsTest {

    private final Path folder = Path.of("/srv/conf");

    @Test
    void aFullDisk_isNamedAsTheCause_withFreeingSpaceAsTheFix() {
        IOException full = new IOException("No space left on device");
        IOException quota = new FileSystemException("/srv/conf/x", null, "Disk quota exceeded");

        assertThat(FileErrors.outOfSpace(full)).isTrue();
        assertThat(FileErrors.outOfSpace(quota)).isTrue();
        assertThat(FileErrors.fix(full, folder, "check the permissions of its folder"))
                .isEqualTo("the file system of /srv/conf is full: free space there (see 'df -h /srv/conf') and run "
                        + "the command again");
    }

    @Test
    void otherFailures_keepTheFixGiven_andTheReasonWithoutThePath() {
        IOException denied = new AccessDeniedException("/srv/conf/x");
        assertThat(FileErrors.outOfSpace(denied)).isFalse();
        assertThat(FileErrors.fix(denied, folder, "check the permissions of its folder"))
                .isEqualTo("check the permissions of its folder");
        assertThat(FileErrors.reason(denied)).isEqualTo("permission denied");
        assertThat(FileErrors.reason(new NoSuchFileException("/srv/conf/x"))).isEqualTo("No such file or directory");
        assertThat(FileErrors.reason(new FileSystemException("/srv/conf/x", null, "Read-only file system")))
                .isEqualTo("Read-only file system");
        assertThat(FileErrors.reason(new IOException("first\nsecond"))).isEqualTo("first");
    }
}
